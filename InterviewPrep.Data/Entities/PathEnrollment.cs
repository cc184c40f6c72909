namespace InterviewPrep.Data.Entities;

/// <summary>
/// A learner following a learning path (table <c>pathEnrollments</c>): when they started it, and when
/// they first had every milestone mastered. A path's <c>popularity</c> counts these rows and its
/// <c>completionRate</c> is the share of them with <see cref="CompletedAt"/>.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class PathEnrollment
{
    public required string LearnerId { get; set; }

    public required string PathId { get; set; }

    public DateTime EnrolledAt { get; set; }

    public DateTime? CompletedAt { get; set; }
}

/// <summary>
/// A learner's rating of a learning path, 1 to 5 (table <c>pathRatings</c>): one per learner and
/// path, changeable. A path's <c>averageRating</c> is recomputed from these rows.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class PathRating
{
    public const int Lowest = 1;
    public const int Highest = 5;

    public required string LearnerId { get; set; }

    public required string PathId { get; set; }

    public int Rating { get; set; }

    public DateTime RatedAt { get; set; }
}
