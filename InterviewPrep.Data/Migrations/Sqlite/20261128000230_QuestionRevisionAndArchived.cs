using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionRevisionAndArchived : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // A CHECK constraint changes by rebuilding the table (at the end of this migration), which
            // gives its rows new rowids: the search index (keyed by rowid), its source view and its
            // triggers go first, and the next migration makes them again and refills the index.
            QuestionSearchIndex.Drop(migrationBuilder);
            migrationBuilder.DropCheckConstraint(
                name: "ck_questions_status",
                table: "questions");

            migrationBuilder.AddColumn<int>(
                name: "revision",
                table: "questions",
                type: "INTEGER",
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
            // Without a rebuild (rowids stay): archived questions become deleted, the looser status
            // check stays, the column goes; then the search index that QuestionSearchAfterRebuild's
            // Down dropped is made again.
            migrationBuilder.Sql("UPDATE questions SET status = 'deleted' WHERE status = 'archived';");
            migrationBuilder.Sql("ALTER TABLE questions DROP COLUMN revision;");
            QuestionSearchIndex.Create(migrationBuilder);
        }
    }
}
