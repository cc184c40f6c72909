using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnerActivityDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
            migrationBuilder.DropTable(
                name: "learnerActivityDays");
        }
    }
}
