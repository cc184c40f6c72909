using Microsoft.EntityFrameworkCore.Migrations;

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <summary>
    /// The FTS5 search index of active questions (first made by <see cref="QuestionSearch"/>): an
    /// external-content index over a view of the questions table, kept in step by triggers. A
    /// migration that rebuilds the questions table drops it first and makes it again after, as
    /// the rebuild gives rows new rowids.
    /// </summary>
    internal static class QuestionSearchIndex
    {
        public static void Create(MigrationBuilder migrationBuilder)
        {
            // The index holds active questions only: its content is this view.
            migrationBuilder.Sql("""
                CREATE VIEW questionSearchSource AS
                SELECT rowid AS questionRowid, question, answer, explanation, tags, companies
                FROM questions WHERE status = 'active';
                """);
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE questionSearch USING fts5(
                    question, answer, explanation, tags, companies,
                    content='questionSearchSource', content_rowid='questionRowid',
                    tokenize='porter unicode61 remove_diacritics 2',
                    prefix='2 3 4');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER questionSearch_insert AFTER INSERT ON questions WHEN new.status = 'active' BEGIN
                    INSERT INTO questionSearch(rowid, question, answer, explanation, tags, companies)
                    VALUES (new.rowid, new.question, new.answer, new.explanation, new.tags, new.companies);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER questionSearch_delete AFTER DELETE ON questions WHEN old.status = 'active' BEGIN
                    INSERT INTO questionSearch(questionSearch, rowid, question, answer, explanation, tags, companies)
                    VALUES ('delete', old.rowid, old.question, old.answer, old.explanation, old.tags, old.companies);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER questionSearch_update AFTER UPDATE OF question, answer, explanation, tags, companies, status ON questions BEGIN
                    INSERT INTO questionSearch(questionSearch, rowid, question, answer, explanation, tags, companies)
                    SELECT 'delete', old.rowid, old.question, old.answer, old.explanation, old.tags, old.companies WHERE old.status = 'active';
                    INSERT INTO questionSearch(rowid, question, answer, explanation, tags, companies)
                    SELECT new.rowid, new.question, new.answer, new.explanation, new.tags, new.companies WHERE new.status = 'active';
                END;
                """);
            // Relevance: a match in the question text counts most, then tags, answer, companies, explanation.
            migrationBuilder.Sql("INSERT INTO questionSearch(questionSearch, rank) VALUES ('rank', 'bm25(10.0, 4.0, 1.0, 6.0, 3.0)');");
            migrationBuilder.Sql("INSERT INTO questionSearch(questionSearch) VALUES ('rebuild');");
        }

        public static void Drop(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS questionSearch_update;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS questionSearch_delete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS questionSearch_insert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS questionSearch;");
            migrationBuilder.Sql("DROP VIEW IF EXISTS questionSearchSource;");
        }
    }
}
