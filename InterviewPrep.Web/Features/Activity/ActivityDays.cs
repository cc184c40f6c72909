using InterviewPrep.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.Activity;

/// <summary>Counts a learner's study and reviews per day (table <c>learnerActivityDays</c>), as they happen.</summary>
public static class ActivityDays
{
    /// <summary>
    /// Adds to a learner's day in one statement, so two tabs counting at once both count. Runs in the
    /// caller's transaction when there is one.
    /// </summary>
    public static Task AddAsync(AppDbContext db, string learnerId, DateOnly day, int questions, int reviews, CancellationToken ct) =>
        // Unquoted names: SQLite matches them case-insensitively and PostgreSQL folds them to its
        // lower-case names. A DateOnly is 'yyyy-MM-dd' text on SQLite and a date on PostgreSQL.
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO learnerActivityDays (learnerId, day, questionsStudied, reviews)
            VALUES ({learnerId}, {day}, {questions}, {reviews})
            ON CONFLICT (learnerId, day) DO UPDATE SET
                questionsStudied = learnerActivityDays.questionsStudied + excluded.questionsStudied,
                reviews = learnerActivityDays.reviews + excluded.reviews
            """, ct);
}
