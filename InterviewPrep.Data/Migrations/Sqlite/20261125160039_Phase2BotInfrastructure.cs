using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Phase2BotInfrastructure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "botLedger",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    botName = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    itemType = table.Column<string>(type: "TEXT", nullable: false),
                    itemId = table.Column<string>(type: "TEXT", nullable: false),
                    beforeState = table.Column<string>(type: "TEXT", nullable: true),
                    afterState = table.Column<string>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_botLedger", x => x.id);
                    table.CheckConstraint("ck_botLedger_afterState_json", "\"afterState\" IS NULL OR json_valid(\"afterState\")");
                    table.CheckConstraint("ck_botLedger_beforeState_json", "\"beforeState\" IS NULL OR json_valid(\"beforeState\")");
                });

            migrationBuilder.CreateTable(
                name: "botRuns",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    botName = table.Column<string>(type: "TEXT", nullable: false),
                    startedAt = table.Column<string>(type: "TEXT", nullable: false),
                    completedAt = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    itemsProcessed = table.Column<int>(type: "INTEGER", nullable: false),
                    itemsCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    itemsUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    itemsDeleted = table.Column<int>(type: "INTEGER", nullable: false),
                    summary = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_botRuns", x => x.id);
                    table.CheckConstraint("ck_botRuns_status", "\"status\" IN ('running', 'completed', 'failed')");
                    table.CheckConstraint("ck_botRuns_summary_json", "\"summary\" IS NULL OR json_valid(\"summary\")");
                });

            migrationBuilder.CreateTable(
                name: "workQueue",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    itemType = table.Column<string>(type: "TEXT", nullable: false),
                    itemId = table.Column<string>(type: "TEXT", nullable: false),
                    action = table.Column<string>(type: "TEXT", nullable: false),
                    priority = table.Column<int>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    createdBy = table.Column<string>(type: "TEXT", nullable: true),
                    assignedTo = table.Column<string>(type: "TEXT", nullable: true),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    processedAt = table.Column<string>(type: "TEXT", nullable: true),
                    result = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_workQueue", x => x.id);
                    table.CheckConstraint("ck_workQueue_result_json", "\"result\" IS NULL OR json_valid(\"result\")");
                    table.CheckConstraint("ck_workQueue_status", "\"status\" IN ('pending', 'processing', 'completed', 'failed')");
                });

            migrationBuilder.CreateIndex(
                name: "idx_bot_ledger_bot",
                table: "botLedger",
                column: "botName");

            migrationBuilder.CreateIndex(
                name: "idx_bot_ledger_bot_created",
                table: "botLedger",
                columns: new[] { "botName", "createdAt" });

            migrationBuilder.CreateIndex(
                name: "idx_bot_ledger_item",
                table: "botLedger",
                column: "itemId");

            migrationBuilder.CreateIndex(
                name: "idx_bot_runs_bot_status_started",
                table: "botRuns",
                columns: new[] { "botName", "status", "startedAt" });

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_priority",
                table: "workQueue",
                column: "priority");

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status",
                table: "workQueue",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_priority_created",
                table: "workQueue",
                columns: new[] { "status", "priority", "createdAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "botLedger");

            migrationBuilder.DropTable(
                name: "botRuns");

            migrationBuilder.DropTable(
                name: "workQueue");
        }
    }
}
