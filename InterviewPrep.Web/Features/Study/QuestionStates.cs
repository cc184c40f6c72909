using InterviewPrep.Data;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Study;

/// <summary>
/// A learner's row for a question (table <c>learnerQuestionStates</c>), created by one upsert so two
/// tabs writing a question's first state at once both succeed.
/// </summary>
public static class QuestionStates
{
    /// <summary>The learner's tracked row for a question, created first if it did not exist.</summary>
    public static async Task<LearnerQuestionState> GetOrCreateAsync(AppDbContext db, string learnerId, string questionId, CancellationToken ct)
    {
        // Unquoted names: SQLite matches them case-insensitively and PostgreSQL folds them to its lower-case names.
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO learnerQuestionStates (learnerId, questionId, seenCount, bookmarked)
            VALUES ({learnerId}, {questionId}, {0}, {false})
            ON CONFLICT (learnerId, questionId) DO NOTHING
            """, ct);
        // The caller reads, checks and writes this row (a note's version, the first study of the day).
        await db.Database.LockForUpdateAsync(
            $"SELECT learnerId FROM learnerQuestionStates WHERE learnerId = {learnerId} AND questionId = {questionId} FOR UPDATE", ct);
        return await db.LearnerQuestionStates.SingleAsync(s => s.LearnerId == learnerId && s.QuestionId == questionId, ct);
    }

    /// <summary>
    /// Records that the learner studied the question now (revealed its answer or graded it). Returns
    /// whether it is the first time on that day of theirs, which is when it counts on their activity.
    /// </summary>
    public static async Task<bool> MarkStudiedAsync(AppDbContext db, string learnerId, string questionId, DateTime now, Func<DateTime, DateOnly> dayOf, CancellationToken ct)
    {
        var state = await GetOrCreateAsync(db, learnerId, questionId, ct);
        var firstToday = state.LastStudiedAt is not { } last || dayOf(last) != dayOf(now);
        state.StudiedAt ??= now;
        state.LastStudiedAt = now;
        await db.SaveChangesAsync(ct);
        return firstToday;
    }
}
