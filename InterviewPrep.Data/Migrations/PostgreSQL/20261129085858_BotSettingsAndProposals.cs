using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class BotSettingsAndProposals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "botproposals",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botname = table.Column<string>(type: "text", nullable: false),
                    runid = table.Column<int>(type: "integer", nullable: true),
                    itemtype = table.Column<string>(type: "text", nullable: false),
                    itemid = table.Column<string>(type: "text", nullable: false),
                    before = table.Column<string>(type: "jsonb", nullable: false),
                    after = table.Column<string>(type: "jsonb", nullable: false),
                    context = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    decidedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    decidedby = table.Column<string>(type: "text", nullable: true),
                    decisionnote = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_botproposals", x => x.id);
                    table.CheckConstraint("ck_botproposals_status", "\"status\" IN ('pending', 'approved', 'rejected', 'stale')");
                });

            migrationBuilder.CreateTable(
                name: "botsettings",
                columns: table => new
                {
                    botname = table.Column<string>(type: "text", nullable: false),
                    mode = table.Column<string>(type: "text", nullable: false),
                    paused = table.Column<bool>(type: "boolean", nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updatedby = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_botsettings", x => x.botname);
                    table.CheckConstraint("ck_botsettings_mode", "\"mode\" IN ('publish', 'propose')");
                });

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_action_priority_created",
                table: "workqueue",
                columns: new[] { "status", "action", "priority", "createdat" });

            migrationBuilder.CreateIndex(
                name: "idx_bot_proposals_item_status",
                table: "botproposals",
                columns: new[] { "itemid", "status" });

            migrationBuilder.CreateIndex(
                name: "idx_bot_proposals_status_created",
                table: "botproposals",
                columns: new[] { "status", "createdat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "botproposals");

            migrationBuilder.DropTable(
                name: "botsettings");

            migrationBuilder.DropIndex(
                name: "idx_work_queue_status_action_priority_created",
                table: "workqueue");
        }
    }
}
