using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Phase3Relationships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "questionHistory",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    questionId = table.Column<string>(type: "TEXT", nullable: false),
                    questionType = table.Column<string>(type: "TEXT", nullable: false),
                    eventType = table.Column<string>(type: "TEXT", nullable: false),
                    eventSource = table.Column<string>(type: "TEXT", nullable: false),
                    sourceName = table.Column<string>(type: "TEXT", nullable: true),
                    changesSummary = table.Column<string>(type: "TEXT", nullable: true),
                    changedFields = table.Column<string>(type: "TEXT", nullable: true),
                    beforeSnapshot = table.Column<string>(type: "TEXT", nullable: true),
                    afterSnapshot = table.Column<string>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionHistory", x => x.id);
                    table.CheckConstraint("ck_questionHistory_afterSnapshot_json", "\"afterSnapshot\" IS NULL OR json_valid(\"afterSnapshot\")");
                    table.CheckConstraint("ck_questionHistory_beforeSnapshot_json", "\"beforeSnapshot\" IS NULL OR json_valid(\"beforeSnapshot\")");
                    table.CheckConstraint("ck_questionHistory_changedFields_json", "\"changedFields\" IS NULL OR json_valid(\"changedFields\")");
                    table.CheckConstraint("ck_questionHistory_metadata_json", "\"metadata\" IS NULL OR json_valid(\"metadata\")");
                });

            migrationBuilder.CreateTable(
                name: "questionRelationships",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sourceQuestionId = table.Column<string>(type: "TEXT", nullable: false),
                    targetQuestionId = table.Column<string>(type: "TEXT", nullable: false),
                    relationshipType = table.Column<string>(type: "TEXT", nullable: false),
                    strength = table.Column<int>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questionRelationships", x => x.id);
                    table.ForeignKey(
                        name: "FK_questionRelationships_questions_sourceQuestionId",
                        column: x => x.sourceQuestionId,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_questionRelationships_questions_targetQuestionId",
                        column: x => x.targetQuestionId,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_question_history_question",
                table: "questionHistory",
                column: "questionId");

            migrationBuilder.CreateIndex(
                name: "idx_question_history_question_created",
                table: "questionHistory",
                columns: new[] { "questionId", "createdAt" });

            migrationBuilder.CreateIndex(
                name: "idx_question_history_type",
                table: "questionHistory",
                column: "questionType");

            migrationBuilder.CreateIndex(
                name: "idx_question_relationships_source",
                table: "questionRelationships",
                columns: new[] { "sourceQuestionId", "strength" });

            migrationBuilder.CreateIndex(
                name: "idx_question_relationships_target",
                table: "questionRelationships",
                column: "targetQuestionId");

            migrationBuilder.CreateIndex(
                name: "ux_question_relationships_pair",
                table: "questionRelationships",
                columns: new[] { "sourceQuestionId", "targetQuestionId", "relationshipType" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "questionHistory");

            migrationBuilder.DropTable(
                name: "questionRelationships");
        }
    }
}
