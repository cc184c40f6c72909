namespace InterviewPrep.Data.Entities;

/// <summary>
/// A question a learner reviews with spaced repetition (table <c>reviewCards</c>): its FSRS memory
/// state and when it is due next.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class ReviewCard
{
    public required string LearnerId { get; set; }

    public required string QuestionId { get; set; }

    public CardState State { get; set; } = CardState.New;

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public int Step { get; set; }

    public DateTime Due { get; set; }

    public DateTime? LastReview { get; set; }

    public int Reps { get; set; }

    public int Lapses { get; set; }

    public DateTime CreatedAt { get; set; }

    public Question? Question { get; set; }
}

/// <summary>One review, as FSRS needs it to optimize parameters later (table <c>reviewLogs</c>).</summary>
[LearnerOwned(nameof(LearnerId))]
public class ReviewLog
{
    public int Id { get; set; }

    public required string LearnerId { get; set; }

    public required string QuestionId { get; set; }

    /// <summary>1 Again, 2 Hard, 3 Good, 4 Easy.</summary>
    public int Grade { get; set; }

    /// <summary>The card's state before the review.</summary>
    public required CardState State { get; set; }

    public DateTime ReviewedAt { get; set; }

    public double ElapsedDays { get; set; }

    public double ScheduledDays { get; set; }

    public int DurationMs { get; set; }

    public double Stability { get; set; }

    public double Difficulty { get; set; }

    public double? Retrievability { get; set; }
}
