using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Reflection;
using QuestionSessions.Server.Hosting;

namespace QuestionSessions.Server.Tests.Hosting;

/// <summary>
/// Every request record the server binds says how big each of its parts may be, so no body can carry a
/// megabyte title, a list of a million items or a number that overflows the arithmetic behind it: the shape
/// filter then refuses the excess before any handler runs.
/// </summary>
public sealed class RequestBoundsTests
{
    public static TheoryData<string> Requests => [.. RequestTypes().Select(t => t.FullName!)];

    [Fact]
    public void The_scan_finds_the_request_records()
    {
        Assert.Contains(RequestTypes(), t => t.Name == "ScheduleSittingRequest");
        Assert.True(RequestTypes().Count() > 30);
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Every_text_list_and_number_of_a_request_is_bounded(string typeName)
    {
        var type = typeof(ServerApp).Assembly.GetType(typeName)!;
        var unbounded = type.GetProperties()
            .Where(p => p.PropertyType == typeof(string) ? !p.IsDefined(typeof(StringLengthAttribute))
                : typeof(IEnumerable).IsAssignableFrom(p.PropertyType) ? !p.IsDefined(typeof(MaxLengthAttribute))
                : IsNumber(p.PropertyType) && !p.IsDefined(typeof(RangeAttribute)))
            .Select(p => p.Name)
            .ToList();

        Assert.True(unbounded.Count == 0, $"{type.Name} leaves {string.Join(", ", unbounded)} without a bound");
    }

    private static bool IsNumber(Type type) =>
        (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(int) || t == typeof(long) || t == typeof(decimal) || t == typeof(double));

    private static IEnumerable<Type> RequestTypes() =>
        typeof(ServerApp).Assembly.GetTypes().Where(t =>
            t.Namespace?.StartsWith("QuestionSessions.Server", StringComparison.Ordinal) == true
            && t.Name.EndsWith("Request", StringComparison.Ordinal) && !t.IsAbstract && t.GetCustomAttribute<System.Runtime.CompilerServices.CompilerGeneratedAttribute>() is null);
}
