using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Dashboard;

/// <summary>Reviews made on one day, by grade.</summary>
public sealed record GradeDay(DateOnly Day, int Again, int Hard, int Good, int Easy)
{
    public int Total => Again + Hard + Good + Easy;
}

/// <summary>Reviews of cards in the review state over a period, and how many were recalled (Hard, Good or Easy).</summary>
public sealed record RetentionCount(int Reviews, int Recalled)
{
    public double? Rate => Reviews == 0 ? null : (double)Recalled / Reviews;
}

/// <summary>
/// True retention as Anki defines it: among reviews of cards in the review state, the share not
/// forgotten. Young cards had an interval under <see cref="StatisticsService.MatureIntervalDays"/>
/// days when reviewed; mature ones had at least that.
/// </summary>
public sealed record RetentionFigures(
    RetentionCount YoungMonth, RetentionCount MatureMonth, RetentionCount YoungYear, RetentionCount MatureYear, double Desired);

/// <summary>How many of the learner's cards are in one state.</summary>
public sealed record StateCount(string State, int Count);

/// <summary>A question the learner keeps forgetting.</summary>
public sealed record HardQuestion(string Id, string Text, string Channel, int Lapses, int Reps, double Difficulty);

/// <summary>Everything the statistics on the dashboard draw, in the learner's days.</summary>
public sealed record LearnerStatistics(
    DateOnly Today,
    IReadOnlyList<ActivityDay> Year,
    IReadOnlyList<ForecastDay> Forecast,
    IReadOnlyList<GradeDay> Grades,
    RetentionFigures Retention,
    IReadOnlyList<StateCount> States,
    IReadOnlyList<HardQuestion> Hardest);

/// <summary>
/// A learner's statistics: a year of activity, the review forecast, reviews per day by grade, true
/// retention against the desired retention, cards by state and the most forgotten questions.
/// Only questions still published count in the card figures.
/// </summary>
public sealed class StatisticsService(
    IDbContextFactory<AppDbContext> dbFactory, LearnerSettingsService settings, ReviewService reviews, TimeProvider clock)
{
    /// <summary>An interval from which a card counts as mature, and (in review) as mastered.</summary>
    public const double MatureIntervalDays = DashboardService.MasteredStabilityDays;

    public const int GradeDays = 30;

    public const int HardestShown = 10;

    public async Task<LearnerStatistics> GetAsync(string learnerId, CancellationToken ct = default)
    {
        var mine = await settings.GetAsync(learnerId, ct);
        var calendar = mine.Calendar;
        var today = calendar.DateOf(clock.UtcNow());
        await using var db = await dbFactory.CreateDbContextAsync(ct);

        var yearStart = today.AddDays(-364);
        var byDay = await db.LearnerActivityDays.AsNoTracking()
            .Where(d => d.LearnerId == learnerId && d.Day >= yearStart)
            .ToDictionaryAsync(d => d.Day, d => d.QuestionsStudied + d.Reviews, ct);
        var year = Enumerable.Range(0, 365).Select(i => yearStart.AddDays(i))
            .Select(d => new ActivityDay(d, byDay.GetValueOrDefault(d)))
            .ToList();

        // The last 30 days' reviews are read to be counted by the learner's day; the year's retention is counted by the database.
        var gradeStart = today.AddDays(1 - GradeDays);
        var monthStart = calendar.StartOf(gradeStart);
        var recent = (await db.ReviewLogs.AsNoTracking()
                .Where(l => l.LearnerId == learnerId && l.ReviewedAt >= monthStart)
                .Select(l => new { l.ReviewedAt, l.Grade })
                .ToListAsync(ct))
            .ToLookup(l => calendar.DateOf(l.ReviewedAt), l => l.Grade);
        var grades = Enumerable.Range(0, GradeDays).Select(i => gradeStart.AddDays(i))
            .Select(day => new GradeDay(day, recent[day].Count(g => g == 1), recent[day].Count(g => g == 2), recent[day].Count(g => g == 3), recent[day].Count(g => g == 4)))
            .ToList();

        var yearStartUtc = calendar.StartOf(yearStart);
        var retentionRows = await db.ReviewLogs.AsNoTracking()
            .Where(l => l.LearnerId == learnerId && l.State == CardState.Review && l.ReviewedAt >= yearStartUtc)
            .GroupBy(l => new { Mature = l.ScheduledDays >= MatureIntervalDays, Recent = l.ReviewedAt >= monthStart, Recalled = l.Grade > 1 })
            .Select(g => new { g.Key.Mature, g.Key.Recent, g.Key.Recalled, Count = g.Count() })
            .ToListAsync(ct);

        RetentionCount Count(bool monthOnly, bool mature)
        {
            var those = retentionRows.Where(r => r.Mature == mature && (r.Recent || !monthOnly)).ToList();
            return new RetentionCount(those.Sum(r => r.Count), those.Where(r => r.Recalled).Sum(r => r.Count));
        }

        var retention = new RetentionFigures(
            Count(true, false), Count(true, true), Count(false, false), Count(false, true), mine.DesiredRetention);

        var cards = await db.ReviewCards.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && c.Question!.Status == QuestionStatus.Active)
            .Select(c => new { c.State, c.Stability })
            .ToListAsync(ct);
        var states = new List<StateCount>
        {
            new("New", cards.Count(c => c.State == CardState.New)),
            new("Learning", cards.Count(c => c.State == CardState.Learning)),
            new("Review", cards.Count(c => c.State == CardState.Review && c.Stability < MatureIntervalDays)),
            new("Relearning", cards.Count(c => c.State == CardState.Relearning)),
            new("Mastered", cards.Count(c => c.State == CardState.Review && c.Stability >= MatureIntervalDays)),
        };

        var hardest = await db.ReviewCards.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && c.Lapses > 0 && c.Question!.Status == QuestionStatus.Active)
            .OrderByDescending(c => c.Lapses).ThenByDescending(c => c.Difficulty).ThenBy(c => c.QuestionId)
            .Take(HardestShown)
            .Select(c => new HardQuestion(c.QuestionId, c.Question!.Text, c.Question.Channel, c.Lapses, c.Reps, c.Difficulty))
            .ToListAsync(ct);

        return new LearnerStatistics(today, year, await reviews.GetForecastAsync(learnerId, ct: ct), grades, retention, states, hardest);
    }
}
