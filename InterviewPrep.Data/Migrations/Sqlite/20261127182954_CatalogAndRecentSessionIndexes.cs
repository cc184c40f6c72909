using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CatalogAndRecentSessionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_status_accessed",
                table: "userSessions",
                columns: new[] { "status", "lastAccessedAt" });

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
                table: "userSessions");

            migrationBuilder.DropIndex(
                name: "idx_questions_status_channel_difficulty",
                table: "questions");
        }
    }
}
