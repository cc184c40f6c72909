using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewCards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "reviewCards",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    questionId = table.Column<string>(type: "TEXT", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    stability = table.Column<double>(type: "REAL", nullable: false),
                    difficulty = table.Column<double>(type: "REAL", nullable: false),
                    step = table.Column<int>(type: "INTEGER", nullable: false),
                    due = table.Column<string>(type: "TEXT", nullable: false),
                    lastReview = table.Column<string>(type: "TEXT", nullable: true),
                    reps = table.Column<int>(type: "INTEGER", nullable: false),
                    lapses = table.Column<int>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewCards", x => new { x.learnerId, x.questionId });
                    table.CheckConstraint("ck_reviewCards_state", "\"state\" IN ('new', 'learning', 'review', 'relearning')");
                    table.ForeignKey(
                        name: "FK_reviewCards_questions_questionId",
                        column: x => x.questionId,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewLogs",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    questionId = table.Column<string>(type: "TEXT", nullable: false),
                    grade = table.Column<int>(type: "INTEGER", nullable: false),
                    state = table.Column<string>(type: "TEXT", nullable: false),
                    reviewedAt = table.Column<string>(type: "TEXT", nullable: false),
                    elapsedDays = table.Column<double>(type: "REAL", nullable: false),
                    scheduledDays = table.Column<double>(type: "REAL", nullable: false),
                    durationMs = table.Column<int>(type: "INTEGER", nullable: false),
                    stability = table.Column<double>(type: "REAL", nullable: false),
                    difficulty = table.Column<double>(type: "REAL", nullable: false),
                    retrievability = table.Column<double>(type: "REAL", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reviewLogs", x => x.id);
                    table.CheckConstraint("ck_reviewLogs_grade", "\"grade\" BETWEEN 1 AND 4");
                });

            migrationBuilder.CreateIndex(
                name: "idx_review_cards_due",
                table: "reviewCards",
                columns: new[] { "learnerId", "due" });

            migrationBuilder.CreateIndex(
                name: "IX_reviewCards_questionId",
                table: "reviewCards",
                column: "questionId");

            migrationBuilder.CreateIndex(
                name: "idx_review_logs_learner",
                table: "reviewLogs",
                columns: new[] { "learnerId", "reviewedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reviewCards");

            migrationBuilder.DropTable(
                name: "reviewLogs");
        }
    }
}
