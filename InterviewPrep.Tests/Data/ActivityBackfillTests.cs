using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Tests.Data;

/// <summary>The migration that adds per-day activity fills it from the progress recorded before it.</summary>
public sealed class ActivityBackfillTests
{
    [Fact]
    public async Task ActivityRecordedBeforeTheTableExisted_IsCountedPerDay()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.Initializer(seed: true).SeedAsync();
        await using (var db = test.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().Reverse().SkipWhile(m => !m.EndsWith("_LearnerActivityDays", StringComparison.Ordinal)).Skip(1).First();
            await migrator.MigrateAsync(previous);

            var day1 = new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);
            db.LearnerQuestionStates.AddRange(
                new LearnerQuestionState { LearnerId = "l", QuestionId = "ip-db-001", SeenCount = 4, LastSeenAt = day1 },
                new LearnerQuestionState { LearnerId = "l", QuestionId = "ip-db-002", SeenCount = 1, LastSeenAt = day1.AddHours(3) },
                new LearnerQuestionState { LearnerId = "l", QuestionId = "ip-db-003", SeenCount = 1, LastSeenAt = day1.AddDays(1) });
            db.ReviewLogs.Add(new ReviewLog { LearnerId = "l", QuestionId = "ip-db-001", Grade = 3, State = "new", ReviewedAt = day1.AddDays(1) });
            await db.SaveChangesAsync();
            await migrator.MigrateAsync();
        }

        await using var after = test.CreateContext();
        var days = await after.LearnerActivityDays.OrderBy(d => d.Day).Select(d => new { d.Day, d.QuestionsStudied, d.Reviews }).ToListAsync();
        Assert.Equal(
            [new { Day = new DateOnly(2026, 3, 1), QuestionsStudied = 2, Reviews = 0 }, new { Day = new DateOnly(2026, 3, 2), QuestionsStudied = 1, Reviews = 1 }],
            days);
    }
}
