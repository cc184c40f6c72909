using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class QuestionOptions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "options",
                table: "questions",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "options",
                table: "questions");
        }
    }
}
