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
        db.Database.ExecuteSqlAsync($"""
            INSERT INTO "learnerActivityDays" ("learnerId", "day", "questionsStudied", "reviews")
            VALUES ({learnerId}, {day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}, {questions}, {reviews})
            ON CONFLICT ("learnerId", "day") DO UPDATE SET
                "questionsStudied" = "questionsStudied" + excluded."questionsStudied",
                "reviews" = "reviews" + excluded."reviews"
            """, ct);
}
