namespace InterviewPrep.Data.Entities;

/// <summary>
/// A learner's "Report a problem" on a question (table <c>questionReports</c>), waiting in the
/// admins' moderation queue until it is resolved.
/// </summary>
public class QuestionReport
{
    public const int MaxTextLength = 2000;

    public int Id { get; set; }

    public required string QuestionId { get; set; }

    /// <summary>The learner who reported it: a user id or an anonymous learner id.</summary>
    public required string ReporterId { get; set; }

    /// <summary>The reporter's user name, when signed in.</summary>
    public string? ReporterName { get; set; }

    public ReportCategory Category { get; set; }

    public string? Text { get; set; }

    public ReportStatus Status { get; set; } = ReportStatus.Open;

    public DateTime CreatedAt { get; set; }

    public DateTime? ResolvedAt { get; set; }

    /// <summary>The admin who resolved it.</summary>
    public string? ResolvedBy { get; set; }
}
