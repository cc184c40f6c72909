using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Dashboard;

/// <summary>Questions studied or reviewed on one day.</summary>
public sealed record ActivityDay(DateOnly Day, int Count);

public sealed record DashboardData(
    int Streak, int StudiedThisWeek, int MasteredThisWeek, IReadOnlyList<ActivityDay> Activity);

/// <summary>
/// A returning learner's numbers. A day counts as active when the learner studied or reviewed a
/// question; a question is mastered when a review leaves it with a stability of three weeks or more.
/// Days are the learner's, in their time zone.
/// </summary>
public sealed class DashboardService(IDbContextFactory<AppDbContext> dbFactory, LearnerSettingsService settings, TimeProvider clock)
{
    public const double MasteredStabilityDays = 21;

    public async Task<DashboardData> GetAsync(string learnerId, int days = 30, CancellationToken ct = default)
    {
        var calendar = (await settings.GetAsync(learnerId, ct)).Calendar;
        var today = calendar.DateOf(UtcIso.Truncate(clock.GetUtcNow().UtcDateTime));
        var firstDay = today.AddDays(-days + 1);
        var since = calendar.StartOf(firstDay);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var seen = await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.LastSeenAt >= since)
            .Select(s => new { s.QuestionId, At = s.LastSeenAt!.Value })
            .ToListAsync(ct);
        var reviews = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.LearnerId == learnerId && l.ReviewedAt >= since)
            .Select(l => new { l.QuestionId, At = l.ReviewedAt, l.Stability })
            .ToListAsync(ct);

        var byDay = seen.Select(s => (s.QuestionId, Day: calendar.DateOf(s.At)))
            .Concat(reviews.Select(r => (r.QuestionId, Day: calendar.DateOf(r.At))))
            .Distinct()
            .GroupBy(x => x.Day)
            .ToDictionary(g => g.Key, g => g.Count());

        // A streak survives until the end of today: it counts back from today, or from yesterday.
        var streak = 0;
        var day = byDay.ContainsKey(today) ? today : today.AddDays(-1);
        for (; day >= firstDay && byDay.ContainsKey(day); day = day.AddDays(-1))
        {
            streak++;
        }

        if (day < firstDay)
        {
            // The streak is longer than the chart: count on through older activity, a day at a time.
            var older = (await db.ReviewLogs.AsNoTracking()
                    .Where(l => l.LearnerId == learnerId && l.ReviewedAt < since && l.ReviewedAt >= since.AddDays(-366))
                    .Select(l => l.ReviewedAt).ToListAsync(ct))
                .Concat(await db.LearnerQuestionStates.AsNoTracking()
                    .Where(s => s.LearnerId == learnerId && s.LastSeenAt < since && s.LastSeenAt >= since.AddDays(-366))
                    .Select(s => s.LastSeenAt!.Value).ToListAsync(ct))
                .Select(calendar.DateOf)
                .ToHashSet();
            for (; older.Contains(day); day = day.AddDays(-1))
            {
                streak++;
            }
        }

        var weekStart = calendar.StartOf(today.AddDays(-6));
        var studied = seen.Where(s => s.At >= weekStart).Select(s => s.QuestionId)
            .Union(reviews.Where(r => r.At >= weekStart).Select(r => r.QuestionId))
            .Count();
        var mastered = reviews.Where(r => r.At >= weekStart && r.Stability >= MasteredStabilityDays).Select(r => r.QuestionId).Distinct().Count();
        var activity = Enumerable.Range(0, days)
            .Select(i => today.AddDays(i - days + 1))
            .Select(day => new ActivityDay(day, byDay.GetValueOrDefault(day)))
            .ToList();
        return new DashboardData(streak, studied, mastered, activity);
    }
}
