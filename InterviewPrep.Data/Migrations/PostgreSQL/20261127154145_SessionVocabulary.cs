using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class SessionVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddCheckConstraint(
                name: "ck_usersessions_sessiontype",
                table: "usersessions",
                sql: "\"sessiontype\" IN ('channel', 'search', 'review', 'certification', 'learning-path', 'voice')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_reviewlogs_state",
                table: "reviewlogs",
                sql: "\"state\" IN ('new', 'learning', 'review', 'relearning')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_usersessions_sessiontype",
                table: "usersessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_reviewlogs_state",
                table: "reviewlogs");
        }
    }
}
