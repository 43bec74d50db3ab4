using System.Collections;
using System.ComponentModel.DataAnnotations;

namespace QuestionSessions.Server.Hosting;

/// <summary>
/// Checks the shape of request bodies with their DataAnnotations attributes (lengths, required
/// fields, ranges), including lists of nested request records, and answers 400 with every field
/// error. Rules about state are the decider's; this only rejects what could never be right.
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
                var key = prefix + Camel(member);
                if (!errors.TryGetValue(key, out var list))
                {
                    errors[key] = list = [];
                }

                list.Add(result.ErrorMessage ?? "Invalid value.");
            }
        }

        foreach (var property in value.GetType().GetProperties())
        {
            if (property.PropertyType != typeof(string) && property.GetValue(value) is IEnumerable items)
            {
                var index = 0;
                foreach (var item in items)
                {
                    if (IsRequest(item))
                    {
                        Validate(item!, $"{prefix}{Camel(property.Name)}[{index}].", errors);
                    }

                    index++;
                }
            }
        }
    }

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];
}
