namespace InterviewPrep.Web.Features.Settings;

/// <summary>
/// A learner's days: when "today" begins and ends, and which day an instant falls on, in their time
/// zone. Streaks, the activity chart, due counts, the forecast and the daily new-card limit all count
/// in these days, so a review at 23:30 belongs to the evening it happened on.
/// </summary>
public sealed class LearnerCalendar(TimeZoneInfo zone)
{
    public static readonly LearnerCalendar Utc = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; } = zone;

    /// <summary>The learner's date at a UTC instant.</summary>
    public DateOnly DateOf(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone));

    /// <summary>The learner's wall-clock time at a UTC instant.</summary>
    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>The UTC instant a local day begins (the first valid local time, where a clock change skips midnight).</summary>
    public DateTime StartOf(DateOnly date)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(15);
        }

        return TimeZoneInfo.ConvertTimeToUtc(local, Zone);
    }

    /// <summary>The UTC instant the day after <paramref name="date"/> begins.</summary>
    public DateTime EndOf(DateOnly date) => StartOf(date.AddDays(1));

    /// <summary>Finds a time zone by IANA (or Windows) id; null when the id is unknown.</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return null;
        }
    }
}
