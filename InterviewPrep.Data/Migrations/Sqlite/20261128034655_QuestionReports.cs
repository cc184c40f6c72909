using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "questionReports",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    questionId = table.Column<string>(type: "TEXT", nullable: false),
                    reporterId = table.Column<string>(type: "TEXT", nullable: false),
                    reporterName = table.Column<string>(type: "TEXT", nullable: true),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    resolvedAt = table.Column<string>(type: "TEXT", nullable: true),
                    resolvedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionReports", x => x.id);
                    table.CheckConstraint("ck_questionReports_category", "\"category\" IN ('wrong-answer', 'typo', 'broken-diagram', 'duplicate', 'outdated', 'other')");
                    table.CheckConstraint("ck_questionReports_status", "\"status\" IN ('open', 'fixed', 'dismissed', 'archived')");
                    table.ForeignKey(
                        name: "FK_questionReports_questions_questionId",
                        column: x => x.questionId,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_question_reports_question_status",
                table: "questionReports",
                columns: new[] { "questionId", "status" });

            migrationBuilder.CreateIndex(
                name: "idx_question_reports_reporter_created",
                table: "questionReports",
                columns: new[] { "reporterId", "createdAt" });

            migrationBuilder.CreateIndex(
                name: "idx_question_reports_status_created",
                table: "questionReports",
                columns: new[] { "status", "createdAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questionReports");
        }
    }
}
