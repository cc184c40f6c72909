using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// Moves an anonymous learner's progress into an account when they sign in or register, without
/// duplicates: seen counts add up, a bookmark on either side stays, the more-reviewed review card
/// wins, review logs all move, of two active sessions of the same activity the more recent stays,
/// notes on both sides are kept (joined), daily activity adds up, and the account's settings win
/// over the visitor's.
/// </summary>
public sealed class LearnerMerge(IDbContextFactory<AppDbContext> dbFactory, ILogger<LearnerMerge> logger)
{
    public async Task MergeAsync(string anonymousId, string userId, CancellationToken ct = default)
    {
        if (!anonymousId.StartsWith(AnonymousLearner.Prefix, StringComparison.Ordinal) || anonymousId == userId)
        {
            return;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);

        var states = await db.LearnerQuestionStates.Where(s => s.LearnerId == anonymousId).ToListAsync(ct);
        var ownStates = await db.LearnerQuestionStates.Where(s => s.LearnerId == userId).ToDictionaryAsync(s => s.QuestionId, ct);
        foreach (var state in states)
        {
            db.LearnerQuestionStates.Remove(state);
            if (ownStates.TryGetValue(state.QuestionId, out var own))
            {
                own.SeenCount += state.SeenCount;
                own.FirstSeenAt = Min(own.FirstSeenAt, state.FirstSeenAt);
                own.LastSeenAt = Max(own.LastSeenAt, state.LastSeenAt);
                own.Bookmarked |= state.Bookmarked;
                own.BookmarkedAt ??= state.BookmarkedAt;
                if (state.Note is not null && own.Note != state.Note)
                {
                    own.Note = own.Note is null ? state.Note : own.Note + "\n\n" + state.Note;
                    own.NoteUpdatedAt = Max(own.NoteUpdatedAt, state.NoteUpdatedAt);
                }
            }
            else
            {
                db.LearnerQuestionStates.Add(new LearnerQuestionState
                {
                    LearnerId = userId, QuestionId = state.QuestionId, SeenCount = state.SeenCount, FirstSeenAt = state.FirstSeenAt,
                    LastSeenAt = state.LastSeenAt, Bookmarked = state.Bookmarked, BookmarkedAt = state.BookmarkedAt,
                    Note = state.Note, NoteUpdatedAt = state.NoteUpdatedAt,
                });
            }
        }

        var cards = await db.ReviewCards.Where(c => c.LearnerId == anonymousId).ToListAsync(ct);
        var ownCards = await db.ReviewCards.Where(c => c.LearnerId == userId).ToDictionaryAsync(c => c.QuestionId, ct);
        foreach (var card in cards)
        {
            db.ReviewCards.Remove(card);
            if (ownCards.TryGetValue(card.QuestionId, out var own))
            {
                if (card.Reps > own.Reps)
                {
                    (own.State, own.Stability, own.Difficulty, own.Step, own.Due, own.LastReview, own.Reps, own.Lapses) =
                        (card.State, card.Stability, card.Difficulty, card.Step, card.Due, card.LastReview, card.Reps, card.Lapses);
                }
            }
            else
            {
                db.ReviewCards.Add(new ReviewCard
                {
                    LearnerId = userId, QuestionId = card.QuestionId, State = card.State, Stability = card.Stability, Difficulty = card.Difficulty,
                    Step = card.Step, Due = card.Due, LastReview = card.LastReview, Reps = card.Reps, Lapses = card.Lapses, CreatedAt = card.CreatedAt,
                });
            }
        }

        var settings = await db.LearnerSettings.FindAsync([anonymousId], ct);
        if (settings is not null)
        {
            db.LearnerSettings.Remove(settings);
            if (await db.LearnerSettings.FindAsync([userId], ct) is null)
            {
                db.LearnerSettings.Add(new LearnerSettings
                {
                    LearnerId = userId, DesiredRetention = settings.DesiredRetention, DailyNewLimit = settings.DailyNewLimit,
                    MaximumIntervalDays = settings.MaximumIntervalDays, TimeZone = settings.TimeZone, TimeZoneChosen = settings.TimeZoneChosen,
                    UpdatedAt = settings.UpdatedAt,
                });
            }
        }

        foreach (var day in await db.LearnerActivityDays.AsNoTracking().Where(d => d.LearnerId == anonymousId).ToListAsync(ct))
        {
            await ActivityDays.AddAsync(db, userId, day.Day, day.QuestionsStudied, day.Reviews, ct);
        }

        await db.LearnerActivityDays.Where(d => d.LearnerId == anonymousId).ExecuteDeleteAsync(ct);
        await db.ReviewLogs.Where(l => l.LearnerId == anonymousId).ExecuteUpdateAsync(u => u.SetProperty(l => l.LearnerId, userId), ct);

        var sessions = await db.UserSessions.Where(s => s.UserId == anonymousId || s.UserId == userId).ToListAsync(ct);
        foreach (var session in sessions.Where(s => s.UserId == anonymousId))
        {
            session.UserId = userId;
        }

        foreach (var same in sessions.Where(s => s.Status == SessionStatus.Active).GroupBy(s => s.SessionKey).Where(g => g.Count() > 1))
        {
            foreach (var older in same.OrderByDescending(s => s.LastAccessedAt).Skip(1))
            {
                older.Status = SessionStatus.Abandoned;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        logger.LogInformation("Merged anonymous progress into account {UserId}", userId);
    }

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
