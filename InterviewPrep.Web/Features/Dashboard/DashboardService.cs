using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Dashboard;

/// <summary>Questions studied plus reviews made on one day.</summary>
public sealed record ActivityDay(DateOnly Day, int Count);

/// <summary>Everything the dashboard shows, read at once.</summary>
public sealed record DashboardView(
    DashboardData Data, Review.ReviewCounts Counts, IReadOnlyList<Sessions.SessionView> Active, IReadOnlyList<ChannelProgress> Channels)
{
    /// <summary>A learner who has not studied, reviewed or started anything: shown where to start.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsNew => Counts.Total == 0 && Active.Count == 0 && Channels.All(c => c.Seen == 0) && Data.Activity.All(d => d.Count == 0);
}

/// <summary>How many of a channel's questions the learner has studied.</summary>
public sealed record ChannelProgress(string Id, string Name, int Seen, int Total);

public sealed record DashboardData(
    int Streak, int StudiedThisWeek, int MasteredThisWeek, IReadOnlyList<ActivityDay> Activity);

/// <summary>
/// A returning learner's numbers. A day counts as active when the learner studied or reviewed a
/// question; a question is mastered when a review leaves it with a stability of three weeks or more.
/// Days are the learner's, in their time zone; streak and chart read the per-day activity rows.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, LearnerSettingsService settings, TimeProvider clock)
{
    public const double MasteredStabilityDays = 21;

    public async Task<DashboardData> GetAsync(string learnerId, int days = 30, CancellationToken ct = default)
    {
        var calendar = (await settings.GetAsync(learnerId, ct)).Calendar;
        var today = calendar.DateOf(clock.UtcNow());
        var firstDay = today.AddDays(-days + 1);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byDay = await db.LearnerActivityDays.AsNoTracking()
            .Where(d => d.LearnerId == learnerId && d.Day >= firstDay)
            .ToDictionaryAsync(d => d.Day, d => d.QuestionsStudied + d.Reviews, ct);

        // A streak survives until the end of today: it counts back from today, or from yesterday.
        var streak = 0;
        var day = byDay.ContainsKey(today) ? today : today.AddDays(-1);
        for (; day >= firstDay && byDay.ContainsKey(day); day = day.AddDays(-1))
        {
            streak++;
        }

        if (day < firstDay)
        {
            // The streak is longer than the chart: count on through the older days.
            var older = (await db.LearnerActivityDays.AsNoTracking()
                    .Where(d => d.LearnerId == learnerId && d.Day < firstDay)
                    .Select(d => d.Day)
                    .ToListAsync(ct))
                .ToHashSet();
            for (; older.Contains(day); day = day.AddDays(-1))
            {
                streak++;
            }
        }

        var weekStart = calendar.StartOf(today.AddDays(-6));
        var seen = await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.LastStudiedAt >= weekStart)
            .Select(s => s.QuestionId)
            .ToListAsync(ct);
        var reviews = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.LearnerId == learnerId && l.ReviewedAt >= weekStart)
            .Select(l => new { l.QuestionId, l.Stability })
            .ToListAsync(ct);
        var studied = seen.Union(reviews.Select(r => r.QuestionId)).Count();
        var mastered = reviews.Where(r => r.Stability >= MasteredStabilityDays).Select(r => r.QuestionId).Distinct().Count();
        var activity = Enumerable.Range(0, days)
            .Select(i => today.AddDays(i - days + 1))
            .Select(d => new ActivityDay(d, byDay.GetValueOrDefault(d)))
            .ToList();
        return new DashboardData(streak, studied, mastered, activity);
    }
}
