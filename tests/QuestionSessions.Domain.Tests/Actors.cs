namespace QuestionSessions.Domain.Tests;

/// <summary>The people who send commands in these tests; a deputy's member id doubles as her user id suffix.</summary>
internal static class Actors
{
    public const string NationalAssembly = "na";

    public static Actor Admin { get; } = new("u-admin", "Quản trị viên", [new Grant(Role.Admin, Grant.AnyBody)]);

    /// <summary>Signed in, but holding no grant anywhere.</summary>
    public static Actor Anonymous { get; } = new("u-anon", "Khách", []);

    public static Actor Secretariat(string body = NationalAssembly) => new($"u-sec-{body}", "Văn phòng", [new Grant(Role.Secretariat, body)]);

    public static Actor Chair(string body = NationalAssembly) => new($"u-chair-{body}", "Chủ tọa", [new Grant(Role.Chair, body)]);

    public static Actor Deputy(string memberId, string body = NationalAssembly) =>
        new($"u-{memberId}", $"Đại biểu {memberId}", [new Grant(Role.Deputy, body, memberId)]);

    public static Actor Respondent(string officialId, string body = NationalAssembly) =>
        new($"u-{officialId}", $"Thành viên Chính phủ {officialId}", [new Grant(Role.Respondent, body, officialId)]);

    public static Actor Holding(Role role, string body) => new($"u-{role}-{body}", $"{role} of {body}", [new Grant(role, body, "p-1")]);
}
