using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnerNotesAndSettings : Migration
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

            migrationBuilder.AddCheckConstraint(
                name: "ck_learnerQuestionStates_note",
                table: "learnerQuestionStates",
                sql: "\"note\" IS NULL OR length(\"note\") <= 10002");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learnerSettings");

            migrationBuilder.DropIndex(
                name: "idx_learner_question_states_notes",
                table: "learnerQuestionStates");

            migrationBuilder.DropCheckConstraint(
                name: "ck_learnerQuestionStates_note",
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
