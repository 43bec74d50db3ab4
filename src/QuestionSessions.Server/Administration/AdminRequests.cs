using System.ComponentModel.DataAnnotations;
using QuestionSessions.Domain;
using QuestionSessions.Domain.Bodies;

namespace QuestionSessions.Server.Administration;

// Request shapes only: who may and what must exist is the body decider's.

internal sealed record EstablishBodyRequest(
    [property: Required, StringLength(64)] string BodyId,
    BodyKind Kind,
    [property: Required, StringLength(200)] string Name,
    [property: StringLength(200)] string? NameEn,
    [property: StringLength(64)] string? ParentBodyId,
    [property: StringLength(40)] string? Term);

internal sealed record BeginTermRequest([property: Required, StringLength(40)] string Term, DateOnly StartsOn, DateOnly? EndsOn);

internal sealed record SeatMemberRequest(
    [property: Required, StringLength(64)] string MemberId,
    [property: Required, StringLength(200)] string Name,
    [property: StringLength(200)] string? Group);

internal sealed record RegisterAgencyRequest(
    [property: Required, StringLength(64)] string AgencyId,
    [property: Required, StringLength(200)] string Name,
    [property: StringLength(200)] string? NameEn);

/// <param name="AgencyId">The registered agency that owns the official's commitments.</param>
/// <param name="Agency">The agency's name as spoken; the registered agency's name when empty.</param>
internal sealed record AppointOfficialRequest(
    [property: Required, StringLength(64)] string OfficialId,
    [property: Required, StringLength(200)] string Name,
    [property: Required, StringLength(200)] string Office,
    [property: StringLength(64)] string? AgencyId,
    [property: StringLength(200)] string? Agency);

/// <param name="Reason">Why the member leaves or the official is relieved: public.</param>
/// <param name="On">The day it takes effect (today or before, Vietnam's calendar); today when empty.</param>
internal sealed record DepartureRequest([property: Required, StringLength(500)] string Reason, DateOnly? On);

internal sealed record ScheduleSessionRequest([property: Range(1, 99)] int Number, DateOnly OpensOn);

/// <param name="Password">The first password, given by the administrator (at least 12 characters); when empty a one-time password is made and shown once.</param>
internal sealed record CreateAccountRequest(
    [property: Required, StringLength(100, MinimumLength = 2)] string Username,
    [property: Required, StringLength(200)] string DisplayName,
    [property: StringLength(200)] string? Password);

/// <param name="PersonId">The member (deputy), official (respondent) or agency (agency officer) the role acts for.</param>
internal sealed record GrantRoleRequest([property: Required, StringLength(100)] string Username, Role Role, [property: StringLength(64)] string? PersonId);

internal sealed record RevokeRoleRequest(
    [property: Required, StringLength(64)] string UserId, Role Role, [property: StringLength(64)] string? PersonId,
    [property: Required, StringLength(500)] string Reason);

/// <param name="OneTimePassword">The password made for the account when none was given: shown this once, never stored in clear.</param>
internal sealed record AccountCreated(string UserId, string Username, string DisplayName, string? OneTimePassword);

internal sealed record AccountSummary(string UserId, string Username, string DisplayName, IReadOnlyList<Grant> Grants);
