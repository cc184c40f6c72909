using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SessionVocabulary : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Earlier versions wrote only 'channel', 'search' and 'review' (session types) and the
            // lower-case card states; spell any other casing the one way before the CHECKs hold.
            migrationBuilder.Sql("UPDATE \"userSessions\" SET \"sessionType\" = lower(trim(\"sessionType\"));");
            migrationBuilder.Sql("UPDATE \"reviewLogs\" SET \"state\" = lower(trim(\"state\"));");

            migrationBuilder.AddCheckConstraint(
                name: "ck_userSessions_sessionType",
                table: "userSessions",
                sql: "\"sessionType\" IN ('channel', 'search', 'review', 'certification', 'learning-path', 'voice')");

            migrationBuilder.AddCheckConstraint(
                name: "ck_reviewLogs_state",
                table: "reviewLogs",
                sql: "\"state\" IN ('new', 'learning', 'review', 'relearning')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_userSessions_sessionType",
                table: "userSessions");

            migrationBuilder.DropCheckConstraint(
                name: "ck_reviewLogs_state",
                table: "reviewLogs");
        }
    }
}
