using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Learners;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Activity;
using InterviewPrep.Web.Features.Dashboard;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>
/// Moves an anonymous learner's progress into an account when they sign in or register, without
/// duplicates: seen counts add up, a bookmark on either side stays, the more-reviewed review card
/// wins, review logs all move, of two active sessions of the same activity the more recent stays,
/// notes on both sides are kept (joined, cut to what the database holds), daily activity adds up, the account's settings win
/// over the visitor's, a path followed on both sides keeps the earlier enrolment and completion, and the account's rating of a
/// path wins (the paths' numbers are computed again).
/// </summary>
public sealed class LearnerMerge(IDbContextFactory<AppDbContext> dbFactory, TimeProvider clock, ILogger<LearnerMerge> logger)
{
    private delegate Task MergeStep(AppDbContext db, string anonymousId, string userId, CancellationToken ct);

    /// <summary>One rule per learner-owned table (<see cref="LearnerData.Tables"/>); a test fails when a table has none.</summary>
    private IReadOnlyDictionary<Type, MergeStep>? _steps;

    private IReadOnlyDictionary<Type, MergeStep> Steps => _steps ??= new Dictionary<Type, MergeStep>
    {
        [typeof(LearnerQuestionState)] = MergeQuestionStatesAsync,
        [typeof(ReviewCard)] = MergeReviewCardsAsync,
        [typeof(ReviewLog)] = (db, anon, user, ct) =>
            db.ReviewLogs.Where(l => l.LearnerId == anon).ExecuteUpdateAsync(u => u.SetProperty(l => l.LearnerId, user), ct),
        [typeof(LearnerSettings)] = MergeSettingsAsync,
        [typeof(LearnerActivityDay)] = MergeActivityDaysAsync,
        [typeof(UserSession)] = MergeSessionsAsync,
        [typeof(PathEnrollment)] = MergeEnrollmentsAsync,
        [typeof(PathRating)] = MergeRatingsAsync,
        [typeof(LearningPath)] = (db, anon, user, ct) =>
            db.LearningPaths.Where(p => p.OwnerId == anon).ExecuteUpdateAsync(u => u.SetProperty(p => p.OwnerId, user), ct),
        [typeof(Learner)] = (db, anon, _, ct) => db.Learners.Where(l => l.LearnerId == anon).ExecuteDeleteAsync(ct),
    };

    /// <summary>The learner-owned tables merging has a rule for.</summary>
    public IReadOnlyCollection<Type> MergedTables => Steps.Keys.ToList();

    /// <summary>
    /// Merges, all or nothing. Never throws for a data problem: signing in must not depend on it. When
    /// the merge fails, the visitor's progress stays under their anonymous id and the failure is logged.
    /// Returns whether the progress was merged.
    /// </summary>
    public async Task<bool> MergeAsync(string anonymousId, string userId, CancellationToken ct = default)
    {
        if (!anonymousId.StartsWith(AnonymousLearner.Prefix, StringComparison.Ordinal) || anonymousId == userId)
        {
            return false;
        }

        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var tables = LearnerData.Tables(db.Model);
            foreach (var missing in tables.Where(t => !Steps.ContainsKey(t.ClrType)))
            {
                logger.LogError("Table {Table} belongs to learners but has no merge rule: its rows stay with the anonymous learner", missing.Table);
            }

            // Rows first, the anonymous learner's own row last.
            foreach (var table in tables.Where(t => Steps.ContainsKey(t.ClrType)).OrderBy(t => t.ClrType == typeof(Learner)))
            {
                await Steps[table.ClrType](db, anonymousId, userId, ct);
                await db.SaveChangesAsync(ct);
            }

            await LearnerData.TouchAsync(db, userId, clock.UtcNow(), ct);
            await tx.CommitAsync(ct);
            logger.LogInformation("Merged anonymous progress into account {UserId}", userId);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "Merging anonymous progress into account {UserId} failed; it stays with the anonymous learner", userId);
            return false;
        }
    }

    private async Task MergeQuestionStatesAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
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
                own.StudiedAt = Min(own.StudiedAt, state.StudiedAt);
                own.LastStudiedAt = Max(own.LastStudiedAt, state.LastStudiedAt);
                own.Bookmarked |= state.Bookmarked;
                own.BookmarkedAt ??= state.BookmarkedAt;
                if (state.Note is not null && own.Note != state.Note)
                {
                    var (note, cut) = own.Note is null ? (state.Note, 0) : JoinNotes(own.Note, state.Note);
                    own.Note = note;
                    if (cut > 0)
                    {
                        logger.LogWarning("Merging notes on question {QuestionId} into account {UserId}: {Cut} characters of the visitor's note did not fit and were cut",
                            state.QuestionId, userId, cut);
                    }

                    own.NoteUpdatedAt = Max(own.NoteUpdatedAt, state.NoteUpdatedAt);
                }
            }
            else
            {
                db.LearnerQuestionStates.Add(new LearnerQuestionState
                {
                    LearnerId = userId, QuestionId = state.QuestionId, SeenCount = state.SeenCount, FirstSeenAt = state.FirstSeenAt,
                    LastSeenAt = state.LastSeenAt, StudiedAt = state.StudiedAt, LastStudiedAt = state.LastStudiedAt, Bookmarked = state.Bookmarked, BookmarkedAt = state.BookmarkedAt,
                    Note = state.Note, NoteUpdatedAt = state.NoteUpdatedAt,
                });
            }
        }
    }

    /// <summary>
    /// The account's note, then the visitor's. Past what the database holds, the visitor's part is cut
    /// and the note says so, rather than the merge (and the sign-in) failing; the account's own note
    /// is never cut. Returns the note and how many of the visitor's characters did not fit.
    /// </summary>
    public static (string Note, int Cut) JoinNotes(string own, string visitor)
    {
        const string separator = "\n\n";
        var joined = own + separator + visitor;
        if (joined.Length <= LearnerSettings.MaxStoredNoteLength)
        {
            return (joined, 0);
        }

        for (var keep = Math.Max(0, LearnerSettings.MaxStoredNoteLength - own.Length - separator.Length); keep >= 0; keep--)
        {
            var marker = $"\n[cut: {visitor.Length - keep:N0} more characters did not fit]";
            if (own.Length + separator.Length + keep + marker.Length <= LearnerSettings.MaxStoredNoteLength)
            {
                return (own + separator + visitor[..keep] + marker, visitor.Length - keep);
            }
        }

        return (own, visitor.Length);
    }

    private static async Task MergeReviewCardsAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
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
    }

    private static async Task MergeSettingsAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
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
    }

    private static async Task MergeActivityDaysAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
        foreach (var day in await db.LearnerActivityDays.AsNoTracking().Where(d => d.LearnerId == anonymousId).ToListAsync(ct))
        {
            await ActivityDays.AddAsync(db, userId, day.Day, day.QuestionsStudied, day.Reviews, ct);
        }

        await db.LearnerActivityDays.Where(d => d.LearnerId == anonymousId).ExecuteDeleteAsync(ct);
    }

    private static async Task MergeSessionsAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
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
    }

    private static async Task MergeEnrollmentsAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
        var visitor = await db.PathEnrollments.Where(e => e.LearnerId == anonymousId).ToListAsync(ct);
        var own = await db.PathEnrollments.Where(e => e.LearnerId == userId).ToDictionaryAsync(e => e.PathId, StringComparer.Ordinal, ct);
        foreach (var enrollment in visitor)
        {
            db.PathEnrollments.Remove(enrollment);
            if (own.TryGetValue(enrollment.PathId, out var kept))
            {
                kept.EnrolledAt = Min(kept.EnrolledAt, enrollment.EnrolledAt)!.Value;
                kept.CompletedAt = Min(kept.CompletedAt, enrollment.CompletedAt);
            }
            else
            {
                db.PathEnrollments.Add(new PathEnrollment
                {
                    LearnerId = userId, PathId = enrollment.PathId, EnrolledAt = enrollment.EnrolledAt, CompletedAt = enrollment.CompletedAt,
                });
            }
        }

        await db.SaveChangesAsync(ct);
        await PathNumbers.RecomputeAsync(db, visitor.Select(e => e.PathId).ToList(), ct);
    }

    private static async Task MergeRatingsAsync(AppDbContext db, string anonymousId, string userId, CancellationToken ct)
    {
        var visitor = await db.PathRatings.Where(r => r.LearnerId == anonymousId).ToListAsync(ct);
        var own = (await db.PathRatings.Where(r => r.LearnerId == userId).Select(r => r.PathId).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        foreach (var rating in visitor)
        {
            db.PathRatings.Remove(rating);
            if (!own.Contains(rating.PathId))
            {
                db.PathRatings.Add(new PathRating { LearnerId = userId, PathId = rating.PathId, Rating = rating.Rating, RatedAt = rating.RatedAt });
            }
        }

        await db.SaveChangesAsync(ct);
        await PathNumbers.RecomputeAsync(db, visitor.Select(r => r.PathId).ToList(), ct);
    }

    private static DateTime? Min(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private static DateTime? Max(DateTime? a, DateTime? b) => a is null ? b : b is null ? a : a > b ? a : b;
}
