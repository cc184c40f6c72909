using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <summary>
    /// Full-text search over questions (SQLite FTS5): an external-content index on the questions
    /// table, kept in step by triggers, so that every write to a question (through the
    /// content-change path) updates it in the same transaction.
    /// </summary>
    public partial class QuestionSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE questionSearch USING fts5(
                    question, answer, explanation, tags, companies,
                    content='questions', content_rowid='rowid',
                    tokenize='porter unicode61 remove_diacritics 2',
                    prefix='2 3 4');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER questionSearch_insert AFTER INSERT ON questions BEGIN
                    INSERT INTO questionSearch(rowid, question, answer, explanation, tags, companies)
                    VALUES (new.rowid, new.question, new.answer, new.explanation, new.tags, new.companies);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER questionSearch_delete AFTER DELETE ON questions BEGIN
                    INSERT INTO questionSearch(questionSearch, rowid, question, answer, explanation, tags, companies)
                    VALUES ('delete', old.rowid, old.question, old.answer, old.explanation, old.tags, old.companies);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER questionSearch_update AFTER UPDATE OF question, answer, explanation, tags, companies ON questions BEGIN
                    INSERT INTO questionSearch(questionSearch, rowid, question, answer, explanation, tags, companies)
                    VALUES ('delete', old.rowid, old.question, old.answer, old.explanation, old.tags, old.companies);
                    INSERT INTO questionSearch(rowid, question, answer, explanation, tags, companies)
                    VALUES (new.rowid, new.question, new.answer, new.explanation, new.tags, new.companies);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO questionSearch(questionSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS questionSearch_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS questionSearch_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS questionSearch_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS questionSearch;");
        }
    }
}
