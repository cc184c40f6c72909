using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class CatalogAndRecentSessionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_status_accessed",
                table: "usersessions",
                columns: new[] { "status", "lastaccessedat" });

            migrationBuilder.CreateIndex(
                name: "idx_questions_status_channel_difficulty",
                table: "questions",
                columns: new[] { "status", "channel", "difficulty" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_user_sessions_status_accessed",
                table: "usersessions");

            migrationBuilder.DropIndex(
                name: "idx_questions_status_channel_difficulty",
                table: "questions");
        }
    }
}
