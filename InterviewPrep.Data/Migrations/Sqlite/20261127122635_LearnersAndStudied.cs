using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnersAndStudied : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "lastStudiedAt",
                table: "learnerQuestionStates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "studiedAt",
                table: "learnerQuestionStates",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "learners",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    lastActiveAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learners", x => x.learnerId);
                });

            migrationBuilder.CreateIndex(
                name: "idx_learners_last_active",
                table: "learners",
                column: "lastActiveAt");

            // A graded question was studied; views before this column existed stay views.
            migrationBuilder.Sql("""
                UPDATE "learnerQuestionStates" SET
                    "studiedAt" = (SELECT min(l."reviewedAt") FROM "reviewLogs" AS l
                        WHERE l."learnerId" = "learnerQuestionStates"."learnerId" AND l."questionId" = "learnerQuestionStates"."questionId"),
                    "lastStudiedAt" = (SELECT max(l."reviewedAt") FROM "reviewLogs" AS l
                        WHERE l."learnerId" = "learnerQuestionStates"."learnerId" AND l."questionId" = "learnerQuestionStates"."questionId")
                """);

            // Everyone who has written anything counts as active from now: nobody's progress is purged
            // because this table did not exist when they last used it.
            migrationBuilder.Sql("""
                INSERT OR IGNORE INTO "learners" ("learnerId", "createdAt", "lastActiveAt")
                SELECT "learnerId", strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now') FROM (
                    SELECT "learnerId" FROM "learnerQuestionStates"
                    UNION SELECT "learnerId" FROM "reviewCards"
                    UNION SELECT "learnerId" FROM "reviewLogs"
                    UNION SELECT "learnerId" FROM "learnerSettings"
                    UNION SELECT "learnerId" FROM "learnerActivityDays"
                    UNION SELECT "userId" FROM "userSessions" WHERE "userId" IS NOT NULL)
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learners");

            migrationBuilder.DropColumn(
                name: "lastStudiedAt",
                table: "learnerQuestionStates");

            migrationBuilder.DropColumn(
                name: "studiedAt",
                table: "learnerQuestionStates");
        }
    }
}
