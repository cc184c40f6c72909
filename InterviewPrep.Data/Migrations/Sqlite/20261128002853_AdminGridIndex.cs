using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AdminGridIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_questions_admin_grid",
                table: "questions",
                columns: new[] { "lastUpdated", "id", "status", "channel", "subChannel", "difficulty", "question", "tags", "companies", "voiceKeywords" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_questions_admin_grid",
                table: "questions");
        }
    }
}
