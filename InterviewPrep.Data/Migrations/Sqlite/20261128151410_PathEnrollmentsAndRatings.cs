using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PathEnrollmentsAndRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pathEnrollments",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    pathId = table.Column<string>(type: "TEXT", nullable: false),
                    enrolledAt = table.Column<string>(type: "TEXT", nullable: false),
                    completedAt = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pathEnrollments", x => new { x.learnerId, x.pathId });
                    table.ForeignKey(
                        name: "FK_pathEnrollments_learningPaths_pathId",
                        column: x => x.pathId,
                        principalTable: "learningPaths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pathRatings",
                columns: table => new
                {
                    learnerId = table.Column<string>(type: "TEXT", nullable: false),
                    pathId = table.Column<string>(type: "TEXT", nullable: false),
                    rating = table.Column<int>(type: "INTEGER", nullable: false),
                    ratedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_pathRatings", x => new { x.learnerId, x.pathId });
                    table.CheckConstraint("ck_pathRatings_rating", "\"rating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "FK_pathRatings_learningPaths_pathId",
                        column: x => x.pathId,
                        principalTable: "learningPaths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_path_enrollments_path",
                table: "pathEnrollments",
                columns: new[] { "pathId", "completedAt" });

            migrationBuilder.CreateIndex(
                name: "idx_path_ratings_path",
                table: "pathRatings",
                columns: new[] { "pathId", "rating" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pathEnrollments");

            migrationBuilder.DropTable(
                name: "pathRatings");
        }
    }
}
