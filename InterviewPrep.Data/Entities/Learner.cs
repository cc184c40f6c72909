namespace InterviewPrep.Data.Entities;

/// <summary>
/// Every learner who has written anything (table <c>learners</c>): an account id or an anonymous
/// learner's id, when they first wrote and when they last did. <see cref="LastActiveAt"/> moves with
/// every learner write (see <see cref="Interceptors.LearnerActivityInterceptor"/>), so the purge of
/// anonymous learners who did not come back reads one indexed column.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class Learner
{
    public required string LearnerId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime LastActiveAt { get; set; }
}
