namespace InterviewPrep.Data.Entities;

/// <summary>One study activity of a learner, resumable (table <c>userSessions</c>).</summary>
[LearnerOwned(nameof(UserId))]
public class UserSession
{
    public required string Id { get; set; }

    public string? UserId { get; set; }

    public required SessionType SessionType { get; set; }

    /// <summary>Identifies the activity, so starting it again resumes this session.</summary>
    public required string SessionKey { get; set; }

    public required string Title { get; set; }

    public string? Subtitle { get; set; }

    public string? ChannelId { get; set; }

    public string? CertificationId { get; set; }

    /// <summary>Percent, 0 to 100.</summary>
    public int Progress { get; set; }

    public int TotalItems { get; set; }

    public int CompletedItems { get; set; }

    /// <summary>Item order, current position and per-item state.</summary>
    public SessionData? SessionData { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime LastAccessedAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    public SessionStatus Status { get; set; } = SessionStatus.Active;
}
