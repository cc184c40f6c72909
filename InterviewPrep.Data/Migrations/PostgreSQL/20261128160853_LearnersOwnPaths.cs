using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class LearnersOwnPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ownerid",
                table: "learningpaths",
                type: "text",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "idx_learning_paths_owner",
                table: "learningpaths",
                column: "ownerid");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_learning_paths_owner",
                table: "learningpaths");

            migrationBuilder.DropColumn(
                name: "ownerid",
                table: "learningpaths");
        }
    }
}
