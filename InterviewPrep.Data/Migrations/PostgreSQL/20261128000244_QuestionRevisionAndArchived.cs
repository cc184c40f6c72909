using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class QuestionRevisionAndArchived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_questions_status",
                table: "questions");

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "questions",
                type: "integer",
                nullable: false,
                defaultValue: 1);

            migrationBuilder.AddCheckConstraint(
                name: "ck_questions_status",
                table: "questions",
                sql: "\"status\" IN ('active', 'flagged', 'archived', 'deleted')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_questions_status",
                table: "questions");

            migrationBuilder.DropColumn(
                name: "revision",
                table: "questions");

            migrationBuilder.AddCheckConstraint(
                name: "ck_questions_status",
                table: "questions",
                sql: "\"status\" IN ('active', 'flagged', 'deleted')");
        }
    }
}
