using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BotSettingsAndProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "botProposals",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    botName = table.Column<string>(type: "TEXT", nullable: false),
                    runId = table.Column<int>(type: "INTEGER", nullable: true),
                    itemType = table.Column<string>(type: "TEXT", nullable: false),
                    itemId = table.Column<string>(type: "TEXT", nullable: false),
                    before = table.Column<string>(type: "TEXT", nullable: false),
                    after = table.Column<string>(type: "TEXT", nullable: false),
                    context = table.Column<string>(type: "TEXT", nullable: true),
                    reason = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    decidedAt = table.Column<string>(type: "TEXT", nullable: true),
                    decidedBy = table.Column<string>(type: "TEXT", nullable: true),
                    decisionNote = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_botProposals", x => x.id);
                    table.CheckConstraint("ck_botProposals_after_json", "\"after\" IS NULL OR json_valid(\"after\")");
                    table.CheckConstraint("ck_botProposals_before_json", "\"before\" IS NULL OR json_valid(\"before\")");
                    table.CheckConstraint("ck_botProposals_context_json", "\"context\" IS NULL OR json_valid(\"context\")");
                    table.CheckConstraint("ck_botProposals_status", "\"status\" IN ('pending', 'approved', 'rejected', 'stale')");
                });

            migrationBuilder.CreateTable(
                name: "botSettings",
                columns: table => new
                {
                    botName = table.Column<string>(type: "TEXT", nullable: false),
                    mode = table.Column<string>(type: "TEXT", nullable: false),
                    paused = table.Column<bool>(type: "INTEGER", nullable: false),
                    updatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    updatedBy = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_botSettings", x => x.botName);
                    table.CheckConstraint("ck_botSettings_mode", "\"mode\" IN ('publish', 'propose')");
                });

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_action_priority_created",
                table: "workQueue",
                columns: new[] { "status", "action", "priority", "createdAt" });

            migrationBuilder.CreateIndex(
                name: "idx_bot_proposals_item_status",
                table: "botProposals",
                columns: new[] { "itemId", "status" });

            migrationBuilder.CreateIndex(
                name: "idx_bot_proposals_status_created",
                table: "botProposals",
                columns: new[] { "status", "createdAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "botProposals");

            migrationBuilder.DropTable(
                name: "botSettings");

            migrationBuilder.DropIndex(
                name: "idx_work_queue_status_action_priority_created",
                table: "workQueue");
        }
    }
}
