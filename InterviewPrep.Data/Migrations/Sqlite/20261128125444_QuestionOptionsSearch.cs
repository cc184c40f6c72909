using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <summary>
    /// Makes the search index again, and refills it from the rebuilt questions table, after
    /// <see cref="QuestionOptions"/> (a table rebuild runs last in its migration).
    /// </summary>
    public partial class QuestionOptionsSearch : Migration
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
