using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search over active questions (SQLite FTS5): an external-content index over a view of
    /// the questions table, kept in step by triggers, so that every write to a question (through the
    /// content-change path) updates it in the same transaction.
    /// </summary>
    public partial class QuestionSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            QuestionSearchIndex.Create(migrationBuilder);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            QuestionSearchIndex.Drop(migrationBuilder);
        }
    }
}
