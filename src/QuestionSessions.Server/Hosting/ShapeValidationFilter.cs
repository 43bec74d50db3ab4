using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Calendar;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Checks the shape of request bodies with their DataAnnotations attributes (lengths, required
/// fields, ranges), including nested request records and lists of them, and answers 400 with every
/// field error. The same walk refuses what the attributes cannot say and no endpoint should meet:
/// a null inside a list, a date outside <see cref="VietnamTime.MinYear"/>..<see cref="VietnamTime.MaxYear"/>
/// (an instant near the end of the calendar cannot even be turned into a local day), a required
/// text made only of invisible characters, and direction controls in a name or a title. Rules about
/// state are the decider's; this only rejects what could never be right.
/// </summary>
internal sealed class ShapeValidationFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var errors = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var argument in context.Arguments)
        {
            if (IsRequest(argument))
            {
                Validate(argument!, "", errors);
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(
                errors.ToDictionary(e => e.Key, e => e.Value.ToArray()),
                title: "The request is not well-formed",
                extensions: new Dictionary<string, object?> { ["code"] = "invalid_request" });
        }

        return await next(context);
    }

    // Only this server's request records: services and primitives bound beside them are skipped.
    private static bool IsRequest(object? value) =>
        value is not null && value.GetType().Namespace?.StartsWith("QuestionSessions.Server", StringComparison.Ordinal) == true
        && value.GetType().Name.EndsWith("Request", StringComparison.Ordinal);

    private static void Validate(object value, string prefix, Dictionary<string, List<string>> errors)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(value, new ValidationContext(value), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                Add(errors, prefix + Camel(member), result.ErrorMessage ?? "Invalid value.");
            }
        }

        foreach (var property in value.GetType().GetProperties())
        {
            var key = prefix + Camel(property.Name);
            switch (property.GetValue(value))
            {
                case string text:
                    CheckText(property, text, key, errors);
                    break;
                case IEnumerable items:
                    var index = 0;
                    foreach (var item in items)
                    {
                        CheckValue(item, $"{key}[{index}]", errors);
                        index++;
                    }

                    break;
                case var other:
                    CheckValue(other, key, errors);
                    break;
            }
        }
    }

    /// <summary>One value: a nested request is walked, a date is kept to the calendar the law runs on.</summary>
    private static void CheckValue(object? value, string key, Dictionary<string, List<string>> errors)
    {
        switch (value)
        {
            case null when key.EndsWith(']'):
                Add(errors, key, "A list holds no null items.");
                break;
            case DateTimeOffset instant when !VietnamTime.IsInRange(instant):
            case DateOnly day when !VietnamTime.IsInRange(day):
                Add(errors, key, $"A date from the year {VietnamTime.MinYear} to {VietnamTime.MaxYear}.");
                break;
            case var request when IsRequest(request):
                Validate(request!, key + ".", errors);
                break;
        }
    }

    // [Required] lets through text of zero-width spaces or NULs; a name or a title must not reorder what follows it.
    private static void CheckText(PropertyInfo property, string text, string key, Dictionary<string, List<string>> errors)
    {
        // A password is any text the password rule accepts; that rule, not this one, refuses an empty-looking one.
        if (property.IsDefined(typeof(RequiredAttribute)) && property.Name != "Password" && !Texts.HasContent(text))
        {
            Add(errors, key, "The text says nothing: it is empty or only invisible characters.");
        }

        if (IsNameOrTitle(property.Name) && Texts.HasDirectionControls(text))
        {
            Add(errors, key, "A name or title holds no direction control characters (U+202A to U+202E, U+2066 to U+2069).");
        }
    }

    private static bool IsNameOrTitle(string property) =>
        property.EndsWith("Name", StringComparison.Ordinal) || property.EndsWith("Title", StringComparison.Ordinal);

    private static void Add(Dictionary<string, List<string>> errors, string key, string message)
    {
        if (!errors.TryGetValue(key, out var list))
        {
            errors[key] = list = [];
        }

        // A record that checks its nested parts itself (FilingRequest) must not say the same thing twice.
        if (!list.Contains(message))
        {
            list.Add(message);
        }
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
