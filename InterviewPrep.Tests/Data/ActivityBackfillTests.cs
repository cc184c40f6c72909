using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Tests.Data;

/// <summary>The migration that adds notes, settings and per-day activity: it fills the activity from the progress recorded before it, and caps notes.</summary>
public sealed class ActivityBackfillTests
{
    [Fact]
    [Trait(TestProvider.Trait, "Sqlite")] // the SQLite migration set's backfill; PostgreSQL's set starts with the table in place.
    public async Task ActivityRecordedBeforeTheTableExisted_IsCountedPerDay()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.Initializer(seed: true).SeedAsync();
        await using (var db = test.CreateContext())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().Reverse().SkipWhile(m => !m.EndsWith("_LearnerNotesSettingsAndActivity", StringComparison.Ordinal)).Skip(1).First();
            await migrator.MigrateAsync(previous);

            // The schema of that migration has no note columns yet: write the rows as SQL.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "learnerQuestionStates" ("learnerId", "questionId", "seenCount", "lastSeenAt", "bookmarked") VALUES
                    ('l', 'ip-db-001', 4, '2026-03-01T09:00:00.000Z', 0),
                    ('l', 'ip-db-002', 1, '2026-03-01T12:00:00.000Z', 0),
                    ('l', 'ip-db-003', 1, '2026-03-02T09:00:00.000Z', 0);
                INSERT INTO "reviewLogs" ("learnerId", "questionId", "grade", "state", "reviewedAt", "elapsedDays", "scheduledDays", "durationMs", "stability", "difficulty")
                    VALUES ('l', 'ip-db-001', 3, 'new', '2026-03-02T09:00:00.000Z', 0, 0, 0, 1, 5);
                """);
            await migrator.MigrateAsync();
        }

        await using var after = test.CreateContext();
        var days = await after.LearnerActivityDays.OrderBy(d => d.Day).Select(d => new { d.Day, d.QuestionsStudied, d.Reviews }).ToListAsync();
        Assert.Equal(
            [new { Day = new DateOnly(2026, 3, 1), QuestionsStudied = 2, Reviews = 0 }, new { Day = new DateOnly(2026, 3, 2), QuestionsStudied = 1, Reviews = 1 }],
            days);
    }

    [Fact]
    public async Task TheDatabase_RefusesANoteLongerThanItHolds()
    {
        await using var test = await TestDatabase.CreateAsync();
        await test.Initializer(seed: true).SeedAsync();
        await using var db = test.CreateContext();
        db.LearnerQuestionStates.Add(new LearnerQuestionState { LearnerId = "l", QuestionId = "ip-db-001", Note = new string('x', LearnerSettings.MaxStoredNoteLength) });
        await db.SaveChangesAsync();

        db.LearnerQuestionStates.Single().Note += "x";
        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        // SQLite's trigger names the limit; on PostgreSQL a CHECK on char_length(note) refuses it.
        var message = error.InnerException?.Message;
        Assert.True(message?.Contains("note is longer than", StringComparison.Ordinal) == true || TestProvider.IsCheckViolation(message), message);
    }
}
