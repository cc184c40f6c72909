using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <summary>
    /// What the SQLite set does with FTS5 and triggers: full-text search over the active questions
    /// (a generated tsvector with a GIN index) and the database's own limit on a note's length.
    /// </summary>
    public partial class QuestionSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // array_to_string is only STABLE in general (it formats any element type); for text[] it
            // depends on nothing but its input, which a generated column requires.
            migrationBuilder.Sql("""
                CREATE FUNCTION questionsearch_words(text[]) RETURNS text
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                AS $$ SELECT coalesce(array_to_string($1, ' '), '') $$;
                """);
            migrationBuilder.Sql("""
                ALTER TABLE questions ADD COLUMN searchvector tsvector GENERATED ALWAYS AS (
                    setweight(to_tsvector('english', coalesce(question, '')), 'A') ||
                    setweight(to_tsvector('english', questionsearch_words(tags)), 'B') ||
                    setweight(to_tsvector('english', coalesce(answer, '')), 'C') ||
                    setweight(to_tsvector('english', questionsearch_words(companies)), 'C') ||
                    setweight(to_tsvector('english', coalesce(explanation, '')), 'D')) STORED;
                """);
            migrationBuilder.Sql("CREATE INDEX idx_questions_search ON questions USING gin (searchvector) WHERE status = 'active';");
            migrationBuilder.Sql($"""
                ALTER TABLE learnerquestionstates ADD CONSTRAINT ck_learnerquestionstates_note_length
                CHECK (char_length(note) <= {LearnerSettings.MaxStoredNoteLength});
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER TABLE learnerquestionstates DROP CONSTRAINT IF EXISTS ck_learnerquestionstates_note_length;");
            migrationBuilder.Sql("DROP INDEX IF EXISTS idx_questions_search;");
            migrationBuilder.Sql("ALTER TABLE questions DROP COLUMN IF EXISTS searchvector;");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS questionsearch_words(text[]);");
        }
    }
}
