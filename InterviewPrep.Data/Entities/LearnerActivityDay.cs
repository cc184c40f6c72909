namespace InterviewPrep.Data.Entities;

/// <summary>
/// What one learner did on one of their days (table <c>learnerActivityDays</c>): how many questions
/// they studied (each once a day) and how many reviews they made. The day is the learner's own, in
/// the time zone they had then. Streaks and the activity chart read these rows, not the logs.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class LearnerActivityDay
{
    public required string LearnerId { get; set; }

    public DateOnly Day { get; set; }

    public int QuestionsStudied { get; set; }

    public int Reviews { get; set; }
}
