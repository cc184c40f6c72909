namespace InterviewPrep.Data.Entities;

/// <summary>
/// What one learner did with one question (table <c>learnerQuestionStates</c>): seen, how often,
/// bookmarked, and the learner's own note. The learner is an account id or an anonymous learner's id.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class LearnerQuestionState
{
    public required string LearnerId { get; set; }

    public required string QuestionId { get; set; }

    public int SeenCount { get; set; }

    public DateTime? FirstSeenAt { get; set; }

    public DateTime? LastSeenAt { get; set; }

    /// <summary>When the learner first studied the question: revealed its answer or graded it. Views alone are not study.</summary>
    public DateTime? StudiedAt { get; set; }

    /// <summary>When the learner last studied the question; a question counts once a day on their activity.</summary>
    public DateTime? LastStudiedAt { get; set; }

    public bool Bookmarked { get; set; }

    public DateTime? BookmarkedAt { get; set; }

    /// <summary>The learner's own note on the question, plain text; null when there is none.</summary>
    public string? Note { get; set; }

    public DateTime? NoteUpdatedAt { get; set; }

    public Question? Question { get; set; }
}
