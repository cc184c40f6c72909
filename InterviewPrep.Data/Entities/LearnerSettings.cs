namespace InterviewPrep.Data.Entities;

/// <summary>
/// How one learner wants to study (table <c>learnerSettings</c>): the recall probability reviews
/// aim for, how many new cards a day, the longest interval, and the time zone that decides when a
/// day begins. A learner without a row has the defaults.
/// </summary>
[LearnerOwned(nameof(LearnerId))]
public class LearnerSettings
{
    public const double MinRetention = 0.70;
    public const double MaxRetention = 0.97;
    public const double DefaultRetention = 0.90;
    public const int DefaultDailyNewLimit = 20;
    public const int MaxDailyNewLimit = 9999;
    public const int DefaultMaximumIntervalDays = 36500;
    /// <summary>The longest note a learner can write.</summary>
    public const int MaxNoteLength = 5000;

    /// <summary>The longest note the database holds: two joined when an anonymous learner's progress merges into an account.</summary>
    public const int MaxStoredNoteLength = 2 * MaxNoteLength + 2;

    public required string LearnerId { get; set; }

    public double DesiredRetention { get; set; } = DefaultRetention;

    public int DailyNewLimit { get; set; } = DefaultDailyNewLimit;

    public int MaximumIntervalDays { get; set; } = DefaultMaximumIntervalDays;

    /// <summary>An IANA time zone id such as <c>Europe/Berlin</c>; null means UTC until the browser tells us.</summary>
    public string? TimeZone { get; set; }

    /// <summary>Whether the learner chose the time zone (then the browser's guess no longer replaces it).</summary>
    public bool TimeZoneChosen { get; set; }

    public DateTime UpdatedAt { get; set; }
}
