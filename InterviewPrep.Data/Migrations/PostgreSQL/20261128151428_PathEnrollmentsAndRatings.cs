using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class PathEnrollmentsAndRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "pathenrollments",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    pathid = table.Column<string>(type: "text", nullable: false),
                    enrolledat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pathenrollments", x => new { x.learnerid, x.pathid });
                    table.ForeignKey(
                        name: "fk_pathenrollments_learningpaths_pathid",
                        column: x => x.pathid,
                        principalTable: "learningpaths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pathratings",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    pathid = table.Column<string>(type: "text", nullable: false),
                    rating = table.Column<int>(type: "integer", nullable: false),
                    ratedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pathratings", x => new { x.learnerid, x.pathid });
                    table.CheckConstraint("ck_pathratings_rating", "\"rating\" BETWEEN 1 AND 5");
                    table.ForeignKey(
                        name: "fk_pathratings_learningpaths_pathid",
                        column: x => x.pathid,
                        principalTable: "learningpaths",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_path_enrollments_path",
                table: "pathenrollments",
                columns: new[] { "pathid", "completedat" });

            migrationBuilder.CreateIndex(
                name: "idx_path_ratings_path",
                table: "pathratings",
                columns: new[] { "pathid", "rating" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "pathenrollments");

            migrationBuilder.DropTable(
                name: "pathratings");
        }
    }
}
