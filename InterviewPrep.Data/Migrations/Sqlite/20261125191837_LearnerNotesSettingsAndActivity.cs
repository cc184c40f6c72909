using System;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnerNotesSettingsAndActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "note",
                table: "learnerQuestionStates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "noteUpdatedAt",
                table: "learnerQuestionStates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learnerActivityDays",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    questionsStudied = table.Column<int>(type: "INTEGER", nullable: false),
                    reviews = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learnerActivityDays", x => new { x.learnerId, x.day });
                });

            migrationBuilder.CreateTable(
                name: "learnerSettings",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    desiredRetention = table.Column<double>(type: "REAL", nullable: false),
                    dailyNewLimit = table.Column<int>(type: "INTEGER", nullable: false),
                    maximumIntervalDays = table.Column<int>(type: "INTEGER", nullable: false),
                    timeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    timeZoneChosen = table.Column<bool>(type: "INTEGER", nullable: false),
                    updatedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learnerSettings", x => x.learnerId);
                    table.CheckConstraint("ck_learnerSettings_dailyNewLimit", "\"dailyNewLimit\" BETWEEN 0 AND 9999");
                    table.CheckConstraint("ck_learnerSettings_desiredRetention", "\"desiredRetention\" BETWEEN 0.7 AND 0.97");
                    table.CheckConstraint("ck_learnerSettings_maximumIntervalDays", "\"maximumIntervalDays\" BETWEEN 1 AND 36500");
                });

            migrationBuilder.CreateIndex(
                name: "idx_learner_question_states_notes",
                table: "learnerQuestionStates",
                columns: new[] { "learnerId", "noteUpdatedAt" });

            // A note's length, checked by the database without rebuilding the table (as a CHECK would).
            foreach (var (name, when) in new[] { ("insert", "INSERT"), ("update", "UPDATE OF \"note\"") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER "trg_learnerQuestionStates_note_{name}" BEFORE {when} ON "learnerQuestionStates"
                    WHEN length(NEW."note") > {LearnerSettings.MaxStoredNoteLength}
                    BEGIN SELECT RAISE(ABORT, 'note is longer than {LearnerSettings.MaxStoredNoteLength} characters'); END;
                    """);
            }

            // Activity before this table existed: UTC days, each question on the day it was last viewed, every review.
            migrationBuilder.Sql("""
                INSERT INTO "learnerActivityDays" ("learnerId", "day", "questionsStudied", "reviews")
                SELECT "learnerId", "day", SUM("q"), SUM("r") FROM (
                    SELECT "learnerId", substr("lastSeenAt", 1, 10) AS "day", 1 AS "q", 0 AS "r" FROM "learnerQuestionStates" WHERE "lastSeenAt" IS NOT NULL
                    UNION ALL
                    SELECT "learnerId", substr("reviewedAt", 1, 10), 0, 1 FROM "reviewLogs"
                ) GROUP BY "learnerId", "day";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "trg_learnerQuestionStates_note_insert";""");
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "trg_learnerQuestionStates_note_update";""");

            migrationBuilder.DropTable(
                name: "learnerActivityDays");

            migrationBuilder.DropTable(
                name: "learnerSettings");

            migrationBuilder.DropIndex(
                name: "idx_learner_question_states_notes",
                table: "learnerQuestionStates");

            migrationBuilder.DropColumn(
                name: "note",
                table: "learnerQuestionStates");

            migrationBuilder.DropColumn(
                name: "noteUpdatedAt",
                table: "learnerQuestionStates");
        }
    }
}
