using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class QuestionReports : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "questionreports",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    questionid = table.Column<string>(type: "text", nullable: false),
                    reporterid = table.Column<string>(type: "text", nullable: false),
                    reportername = table.Column<string>(type: "text", nullable: true),
                    category = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    resolvedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    resolvedby = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionreports", x => x.id);
                    table.CheckConstraint("ck_questionreports_category", "\"category\" IN ('wrong-answer', 'typo', 'broken-diagram', 'duplicate', 'outdated', 'other')");
                    table.CheckConstraint("ck_questionreports_status", "\"status\" IN ('open', 'fixed', 'dismissed', 'archived')");
                    table.ForeignKey(
                        name: "fk_questionreports_questions_questionid",
                        column: x => x.questionid,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_question_reports_question_status",
                table: "questionreports",
                columns: new[] { "questionid", "status" });

            migrationBuilder.CreateIndex(
                name: "idx_question_reports_reporter_created",
                table: "questionreports",
                columns: new[] { "reporterid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "idx_question_reports_status_created",
                table: "questionreports",
                columns: new[] { "status", "createdat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questionreports");
        }
    }
}
