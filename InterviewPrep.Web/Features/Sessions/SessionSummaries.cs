using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Review;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>
/// How a study session or a day's review went: how many questions were seen and answered, the
/// grades given, the time spent on them, and what is due next.
/// </summary>
/// <param name="Grades">How many of each grade, Again to Easy.</param>
public sealed record SessionSummary(int Total, int Seen, int Revealed, IReadOnlyList<int> Grades, TimeSpan TimeSpent, ReviewCounts Due)
{
    public int Graded => Grades.Sum();

    /// <summary>Answers remembered (Hard, Good or Easy) among those graded; null when none was graded.</summary>
    public double? Remembered => Graded == 0 ? null : (double)(Graded - Grades[0]) / Graded;

    /// <summary>The summary of one session's items.</summary>
    public static SessionSummary Of(SessionData data, ReviewCounts due)
    {
        var states = data.Items.Distinct(StringComparer.Ordinal).Select(data.StateOf).ToList();
        var grades = Enumerable.Range(1, 4).Select(g => states.Count(s => s.Grade == g)).ToList();
        return new SessionSummary(
            data.Items.Count, states.Count(s => s.Seen || s.Revealed || s.Grade is not null), states.Count(s => s.Revealed),
            grades, TimeSpan.FromMilliseconds(states.Sum(s => s.TimeSpentMs)), due);
    }

    /// <summary>"45 s", "12 min", "1 h 5 min".</summary>
    public static string Duration(TimeSpan time) => time.TotalSeconds < 60 ? $"{(int)time.TotalSeconds} s"
        : time.TotalMinutes < 60 ? $"{(int)Math.Round(time.TotalMinutes)} min"
        : $"{(int)time.TotalHours} h {time.Minutes} min";
}

/// <summary>Reads a learner's session and their review counts into a <see cref="SessionSummary"/>.</summary>
public sealed class SessionSummaries(SessionService sessions, ReviewService reviews)
{
    /// <summary>Null when the learner has no such session.</summary>
    public async Task<SessionSummary?> GetAsync(string learnerId, string sessionId, CancellationToken ct = default) =>
        await sessions.GetAsync(sessionId, learnerId, ct) is { } session
            ? SessionSummary.Of(session.Data, await reviews.GetCountsAsync(learnerId, ct))
            : null;
}
