using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class QuestionOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The CHECK constraint is added by rebuilding the table (at the end of this migration), which
            // gives its rows new rowids: the search index goes first, and the next migration makes it again.
            QuestionSearchIndex.Drop(migrationBuilder);
            migrationBuilder.AddColumn<string>(
                name: "options",
                table: "questions",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "ck_questions_options_json",
                table: "questions",
                sql: "\"options\" IS NULL OR json_valid(\"options\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Without a rebuild (rowids stay): the nullable column and its check stay, unused by the
            // older app; the search index that QuestionOptionsSearch's Down dropped is made again.
            QuestionSearchIndex.Create(migrationBuilder);
        }
    }
}
