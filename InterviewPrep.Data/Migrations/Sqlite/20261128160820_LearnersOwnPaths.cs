using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class LearnersOwnPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ownerId",
                table: "learningPaths",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "idx_learning_paths_owner",
                table: "learningPaths",
                column: "ownerId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_learning_paths_owner",
                table: "learningPaths");

            migrationBuilder.DropColumn(
                name: "ownerId",
                table: "learningPaths");
        }
    }
}
