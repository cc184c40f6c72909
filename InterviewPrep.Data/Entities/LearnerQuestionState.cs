namespace InterviewPrep.Data.Entities;

/// <summary>
/// What one learner did with one question (table <c>learnerQuestionStates</c>): seen, how often,
/// bookmarked. The learner is an account id today and can be an anonymous learner's id too.
/// </summary>
public class LearnerQuestionState
{
    public required string LearnerId { get; set; }

    public required string QuestionId { get; set; }

    public int SeenCount { get; set; }

    public DateTime? FirstSeenAt { get; set; }

    public DateTime? LastSeenAt { get; set; }

    public bool Bookmarked { get; set; }

    public DateTime? BookmarkedAt { get; set; }

    public Question? Question { get; set; }
}
