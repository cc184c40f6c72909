using InterviewPrep.Data.Configurations;

namespace InterviewPrep.Data;

/// <summary>The app's one way to read the clock: every timestamp comes from the injected <see cref="TimeProvider"/>.</summary>
public static class TimeProviderExtensions
{
    /// <summary>Now, as timestamps are stored: UTC, whole milliseconds.</summary>
    public static DateTime UtcNow(this TimeProvider clock) => UtcIso.Truncate(clock.GetUtcNow().UtcDateTime);
}
