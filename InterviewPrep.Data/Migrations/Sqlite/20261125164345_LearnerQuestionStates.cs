using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnerQuestionStates : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "learnerQuestionStates",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    questionId = table.Column<string>(type: "TEXT", nullable: false),
                    seenCount = table.Column<int>(type: "INTEGER", nullable: false),
                    firstSeenAt = table.Column<string>(type: "TEXT", nullable: true),
                    lastSeenAt = table.Column<string>(type: "TEXT", nullable: true),
                    bookmarked = table.Column<bool>(type: "INTEGER", nullable: false),
                    bookmarkedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learnerQuestionStates", x => new { x.learnerId, x.questionId });
                    table.ForeignKey(
                        name: "FK_learnerQuestionStates_questions_questionId",
                        column: x => x.questionId,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_learner_question_states_bookmarks",
                table: "learnerQuestionStates",
                columns: new[] { "learnerId", "bookmarked", "bookmarkedAt" });

            migrationBuilder.CreateIndex(
                name: "idx_learner_question_states_seen",
                table: "learnerQuestionStates",
                columns: new[] { "learnerId", "lastSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_learnerQuestionStates_questionId",
                table: "learnerQuestionStates",
                column: "questionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "learnerQuestionStates");
        }
    }
}
