namespace QuestionSessions.Domain.Petitions;

/// <summary>The sector a petition is about, for routing and for the per-sector figures Directive 53 asks for.</summary>
public enum PetitionField
{
    /// <summary>Land (đất đai): allocation, compensation, clearance, certificates.</summary>
    Land,
    /// <summary>Environment (môi trường).</summary>
    Environment,
    /// <summary>Health (y tế).</summary>
    Health,
    /// <summary>Education (giáo dục).</summary>
    Education,
    /// <summary>Transport (giao thông).</summary>
    Transport,
    /// <summary>Infrastructure and construction (hạ tầng, xây dựng).</summary>
    Infrastructure,
    /// <summary>Social welfare and policies for people with merit (chính sách xã hội).</summary>
    SocialWelfare,
    /// <summary>Labour and employment (lao động, việc làm).</summary>
    Labour,
    /// <summary>Agriculture (nông nghiệp).</summary>
    Agriculture,
    /// <summary>Justice, courts and procuracy (tư pháp).</summary>
    Justice,
    /// <summary>Economy, finance and business (kinh tế).</summary>
    Economy,
    /// <summary>Administration and public services (hành chính).</summary>
    Administration,
    Other,
}

/// <summary>
/// Who deals with a petition: central matters go through the NA Standing Committee to Government agencies;
/// local ones through the People's Council standing board to local agencies.
/// </summary>
public enum PetitionLevel
{
    Central,
    Local,
}

/// <summary>What an agency's answer says about the matter. Answered is not resolved: only <see cref="Resolved"/> is.</summary>
public enum PetitionOutcome
{
    /// <summary>Resolved (đã giải quyết xong).</summary>
    Resolved,
    /// <summary>Being resolved (đang giải quyết).</summary>
    BeingResolved,
    /// <summary>Explained, information provided (đã giải trình, cung cấp thông tin).</summary>
    Explained,
}

/// <summary>
/// Where a petition stands. Resolved is not a status: an answered petition is resolved when its latest
/// outcome is <see cref="PetitionOutcome.Resolved"/>; overdue is not one either (<see cref="PetitionState.IsOverdue"/>).
/// </summary>
public enum PetitionStatus
{
    None,
    /// <summary>Filed, waiting to be classified and routed.</summary>
    Filed,
    /// <summary>A duplicate folded into another petition, which carries its sources and supporters.</summary>
    Merged,
    /// <summary>Sent to one responsible agency with a deadline.</summary>
    Routed,
    /// <summary>The agency has sent at least one answer.</summary>
    Answered,
}

/// <summary>How a voter rates the latest answer.</summary>
public enum SatisfactionRating
{
    Satisfied,
    PartlySatisfied,
    Unsatisfied,
}

/// <summary>How a petition reached the system.</summary>
public enum SourceChannel
{
    /// <summary>Raised at a voter contact meeting (tiếp xúc cử tri).</summary>
    Meeting,
    /// <summary>Sent by a voter through the portal.</summary>
    Online,
    /// <summary>Taken from a body's existing summary (a spreadsheet of a session's petitions).</summary>
    Import,
}

/// <summary>When a voter contact meeting was held.</summary>
public enum MeetingTiming
{
    BeforeSession,
    AfterSession,
    /// <summary>A meeting on one theme or with one group of voters, apart from any session (tiếp xúc chuyên đề).</summary>
    Thematic,
}

/// <summary>Where an unsatisfactory or unanswered petition is taken further.</summary>
public enum EscalationTarget
{
    /// <summary>Evidence for a topical supervision (giám sát chuyên đề).</summary>
    SupervisionTopic,
    /// <summary>A question (chất vấn) to the responsible member in a sitting.</summary>
    Question,
}
