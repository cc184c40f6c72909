using InterviewPrep.Data.Providers;
using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Activity;
using InterviewPrep.Web.Features.Dashboard;
using InterviewPrep.Web.Features.Settings;
using Microsoft.EntityFrameworkCore;

using InterviewPrep.Web.Features.Study;

namespace InterviewPrep.Web.Features.Review;

/// <summary>A card waiting for review, with what each grade would schedule.</summary>
public sealed record DueCard(string QuestionId, string Text, CardState State, DateTime Due, IReadOnlyDictionary<Grade, string> Intervals);

/// <summary>
/// A learner's review counts, each defined once and computed together (<see cref="ReviewService.GetTodayAsync"/>),
/// in the learner's days. Cards whose question is no longer active are not counted as due.
/// </summary>
/// <param name="DueNow">Reviewed cards whose due time has come (overdue ones included).</param>
/// <param name="DueLaterToday">Reviewed cards that fall due later today (learning steps, short intervals).</param>
/// <param name="NewToday">New cards the daily limit still allows today.</param>
/// <param name="DueTomorrow">Reviewed cards that fall due tomorrow.</param>
/// <param name="DueThisWeek">Reviewed cards due by the end of the seventh day after today (today's included).</param>
/// <param name="Total">Every card in review.</param>
public sealed record ReviewCounts(int DueNow, int DueLaterToday, int NewToday, int DueTomorrow, int DueThisWeek, int Total)
{
    /// <summary>What can be reviewed right now: the review queue holds exactly these.</summary>
    public int ReadyNow => DueNow + NewToday;

    /// <summary>Reviewed cards due by the end of today, now or later.</summary>
    public int DueToday => DueNow + DueLaterToday;

    /// <summary>Everything still to do today: ready now, and what falls due later today.</summary>
    public int LeftToday => ReadyNow + DueLaterToday;
}

/// <summary>The review queue and the counts, taken at the same instant so they cannot disagree.</summary>
public sealed record ReviewToday(IReadOnlyList<DueCard> Queue, ReviewCounts Counts);

/// <summary>Recall probabilities today by question, and the retention the learner aims for.</summary>
public sealed record RecallToday(IReadOnlyDictionary<string, double> Recall, double DesiredRetention)
{
    /// <summary>Mastered: recalled today with at least the desired retention.</summary>
    public bool Mastered(string questionId) => Recall.TryGetValue(questionId, out var r) && r >= DesiredRetention;
}

/// <summary>Reviews due on one day of the forecast.</summary>
public sealed record ForecastDay(DateOnly Day, int Count);

/// <summary>
/// Spaced repetition for one learner: cards are added from study, scheduled by FSRS-6, and every
/// review is logged (grade, time taken, elapsed and scheduled days) for later optimization. The
/// learner's settings give the desired retention, the maximum interval, the daily limit of new
/// cards and the time zone their days are counted in.
/// </summary>
public sealed class ReviewService(IDbContextFactory<AppDbContext> dbFactory, LearnerSettingsService settings, TimeProvider clock)
{
    /// <summary>Adds a question to review (once; adding again changes nothing). Returns whether it was added.</summary>
    public async Task<bool> AddAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (await db.ReviewCards.AnyAsync(c => c.LearnerId == learnerId && c.QuestionId == questionId, ct))
        {
            return false;
        }

        var now = clock.UtcNow();
        db.ReviewCards.Add(new ReviewCard { LearnerId = learnerId, QuestionId = questionId, Due = now, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
            return true;
        }
        catch (DbUpdateException)
        {
            if (await IsInReviewAsync(learnerId, questionId, ct))
            {
                return false; // another tab added it a moment ago
            }

            throw;
        }
    }

    /// <summary>
    /// A self-grade from study mode: the question joins review if it was not in it yet, and the grade
    /// counts as a review, so the schedule starts from how well the learner knew it.
    /// </summary>
    public async Task<ReviewOutcome> SelfGradeAsync(string learnerId, string questionId, Grade grade, TimeSpan taken, CancellationToken ct = default)
    {
        await AddAsync(learnerId, questionId, ct);
        return await GradeAsync(learnerId, questionId, grade, taken, ct);
    }

    /// <summary>
    /// The probability of recalling each of <paramref name="questionIds"/> today (FSRS retrievability), for the
    /// questions the learner has reviewed at least once, with the learner's desired retention. Questions never
    /// reviewed have no entry.
    /// </summary>
    public async Task<RecallToday> GetRecallAsync(string learnerId, IReadOnlyCollection<string> questionIds, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        var mine = await settings.GetAsync(learnerId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = questionIds.ToList();
        var cards = await db.ReviewCards.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && c.LastReview != null && EF.Parameter(ids).Contains(c.QuestionId))
            .ToListAsync(ct);
        var scheduler = new FsrsScheduler(mine.Fsrs with { EnableFuzz = false });
        var recall = cards
            .ToDictionary(c => c.QuestionId, c => scheduler.Retrievability(ToMemory(c), now), StringComparer.Ordinal);
        return new RecallToday(recall, mine.Fsrs.DesiredRetention);
    }

    public async Task<bool> IsInReviewAsync(string learnerId, string questionId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ReviewCards.AnyAsync(c => c.LearnerId == learnerId && c.QuestionId == questionId, ct);
    }

    /// <summary>
    /// The cards to review now (everything due, most overdue first, then new cards up to the daily
    /// limit, counting the new cards already started today) with the counts, from one instant.
    /// The queue holds the first <paramref name="max"/> of <see cref="ReviewCounts.ReadyNow"/>.
    /// </summary>
    public async Task<ReviewToday> GetTodayAsync(string learnerId, int max = 50, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        var mine = await settings.GetAsync(learnerId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = await CountAsync(db, learnerId, mine, now, ct);
        var due = counts.DueNow == 0
            ? []
            : await db.ReviewCards.AsNoTracking()
                .Where(c => c.LearnerId == learnerId && c.State != CardState.New && c.Due <= now && c.Question!.Status == QuestionStatus.Active)
                .OrderBy(c => c.Due)
                .Take(max)
                .Select(c => new { Card = c, c.Question!.Text })
                .ToListAsync(ct);
        var fresh = counts.NewToday == 0 || due.Count >= max
            ? []
            : await db.ReviewCards.AsNoTracking()
                .Where(c => c.LearnerId == learnerId && c.State == CardState.New && c.Question!.Status == QuestionStatus.Active)
                .OrderBy(c => c.CreatedAt)
                .Take(Math.Min(counts.NewToday, max - due.Count))
                .Select(c => new { Card = c, c.Question!.Text })
                .ToListAsync(ct);

        var scheduler = new FsrsScheduler(mine.Fsrs with { EnableFuzz = false });
        var queue = due.Concat(fresh).Select(x =>
        {
            var memory = ToMemory(x.Card);
            return new DueCard(x.Card.QuestionId, x.Text, memory.State, x.Card.Due,
                scheduler.Preview(memory, now).ToDictionary(p => p.Key, p => FsrsScheduler.FormatInterval(p.Value)));
        }).ToList();
        return new ReviewToday(queue, counts);
    }

    /// <summary>The cards to review now; see <see cref="GetTodayAsync"/>.</summary>
    public async Task<IReadOnlyList<DueCard>> GetQueueAsync(string learnerId, int max = 50, CancellationToken ct = default) =>
        (await GetTodayAsync(learnerId, max, ct)).Queue;

    /// <summary>Grades a card, schedules it and logs the review.</summary>
    public async Task<ReviewOutcome> GradeAsync(string learnerId, string questionId, Grade grade, TimeSpan taken, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        var mine = await settings.GetAsync(learnerId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.Database.LockForUpdateAsync(
            $"SELECT learnerId FROM reviewCards WHERE learnerId = {learnerId} AND questionId = {questionId} FOR UPDATE", ct);
        var card = await db.ReviewCards.SingleOrDefaultAsync(c => c.LearnerId == learnerId && c.QuestionId == questionId, ct)
            ?? throw new KeyNotFoundException($"Question '{questionId}' is not in review.");
        var before = card.State;
        var outcome = new FsrsScheduler(mine.Fsrs).Review(ToMemory(card), grade, now);
        var next = outcome.Card;
        card.State = next.State;
        card.Stability = next.Stability;
        card.Difficulty = next.Difficulty;
        card.Step = next.Step;
        card.Due = UtcIso.Truncate(next.Due);
        card.LastReview = now;
        card.Reps = next.Reps;
        card.Lapses = next.Lapses;
        db.ReviewLogs.Add(new ReviewLog
        {
            LearnerId = learnerId,
            QuestionId = questionId,
            Grade = (int)grade,
            State = before,
            ReviewedAt = now,
            ElapsedDays = outcome.ElapsedDays,
            ScheduledDays = outcome.ScheduledDays,
            DurationMs = (int)Math.Clamp(taken.TotalMilliseconds, 0, int.MaxValue),
            Stability = next.Stability,
            Difficulty = next.Difficulty,
            Retrievability = outcome.Retrievability,
        });
        await db.SaveChangesAsync(ct);
        // A graded question is studied; the grade counts on the day as a review, not a second time as study.
        await QuestionStates.MarkStudiedAsync(db, learnerId, questionId, now, mine.Calendar.DateOf, ct);
        await ActivityDays.AddAsync(db, learnerId, mine.Calendar.DateOf(now), questions: 0, reviews: 1, ct);
        await tx.CommitAsync(ct);
        return outcome;
    }

    public async Task<ReviewCounts> GetCountsAsync(string learnerId, CancellationToken ct = default)
    {
        var now = clock.UtcNow();
        var mine = await settings.GetAsync(learnerId, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await CountAsync(db, learnerId, mine, now, ct);
    }

    /// <summary>The one place the counts are computed; see <see cref="ReviewCounts"/> for what each means.</summary>
    private static async Task<ReviewCounts> CountAsync(AppDbContext db, string learnerId, StudySettings mine, DateTime now, CancellationToken ct)
    {
        var today = mine.Calendar.DateOf(now);
        var endOfToday = mine.Calendar.EndOf(today);
        var endOfTomorrow = mine.Calendar.EndOf(today.AddDays(1));
        var endOfWeek = mine.Calendar.EndOf(today.AddDays(7));
        var dues = await db.ReviewCards.AsNoTracking()
            .Where(c => c.LearnerId == learnerId && c.State != CardState.New && c.Due < endOfWeek && c.Question!.Status == QuestionStatus.Active)
            .Select(c => c.Due)
            .ToListAsync(ct);
        var newCards = await db.ReviewCards.CountAsync(
            c => c.LearnerId == learnerId && c.State == CardState.New && c.Question!.Status == QuestionStatus.Active, ct);
        var newToday = Math.Min(newCards, Math.Max(0, mine.DailyNewLimit - await NewStartedTodayAsync(db, learnerId, mine.Calendar, now, ct)));
        return new ReviewCounts(
            DueNow: dues.Count(d => d <= now),
            DueLaterToday: dues.Count(d => d > now && d < endOfToday),
            NewToday: newToday,
            DueTomorrow: dues.Count(d => d >= endOfToday && d < endOfTomorrow),
            DueThisWeek: dues.Count,
            Total: await db.ReviewCards.CountAsync(c => c.LearnerId == learnerId, ct));
    }

    /// <summary>Reviews falling due on each of the learner's next <paramref name="days"/> days (overdue ones on today).</summary>
    public async Task<IReadOnlyList<ForecastDay>> GetForecastAsync(string learnerId, int days = 30, CancellationToken ct = default)
    {
        var calendar = (await settings.GetAsync(learnerId, ct)).Calendar;
        var today = calendar.DateOf(clock.UtcNow());
        var end = calendar.EndOf(today.AddDays(days - 1));
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var byDay = (await db.ReviewCards.AsNoTracking()
                .Where(c => c.LearnerId == learnerId && c.State != CardState.New && c.Due < end && c.Question!.Status == QuestionStatus.Active)
                .Select(c => c.Due)
                .ToListAsync(ct))
            .GroupBy(d => calendar.DateOf(d) is var day && day > today ? day : today)
            .ToDictionary(g => g.Key, g => g.Count());
        return Enumerable.Range(0, days)
            .Select(i => today.AddDays(i))
            .Select(day => new ForecastDay(day, byDay.GetValueOrDefault(day)))
            .ToList();
    }

    private static async Task<int> NewStartedTodayAsync(AppDbContext db, string learnerId, LearnerCalendar calendar, DateTime now, CancellationToken ct)
    {
        var startOfDay = calendar.StartOf(calendar.DateOf(now));
        return await db.ReviewLogs.CountAsync(l => l.LearnerId == learnerId && l.State == CardState.New && l.ReviewedAt >= startOfDay, ct);
    }

    private static CardMemory ToMemory(ReviewCard card) => new(
        card.State, card.Stability, card.Difficulty, card.Step, card.LastReview, card.Due, card.Reps, card.Lapses);
}
