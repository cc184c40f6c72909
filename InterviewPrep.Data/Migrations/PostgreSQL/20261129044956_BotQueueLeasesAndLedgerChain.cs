using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class BotQueueLeasesAndLedgerChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_workqueue_status",
                table: "workqueue");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "workqueue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "lasterror",
                table: "workqueue",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "leaseuntil",
                table: "workqueue",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "maxattempts",
                table: "workqueue",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateTime>(
                name: "nextattemptat",
                table: "workqueue",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "botledger",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "previoushash",
                table: "botledger",
                type: "text",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "runid",
                table: "botledger",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_lease",
                table: "workqueue",
                columns: new[] { "status", "leaseuntil" });

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_next_attempt",
                table: "workqueue",
                columns: new[] { "status", "nextattemptat" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_workqueue_status",
                table: "workqueue",
                sql: "\"status\" IN ('pending', 'processing', 'completed', 'failed', 'retrying', 'cancelled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_work_queue_status_lease",
                table: "workqueue");

            migrationBuilder.DropIndex(
                name: "idx_work_queue_status_next_attempt",
                table: "workqueue");

            migrationBuilder.DropCheckConstraint(
                name: "ck_workqueue_status",
                table: "workqueue");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "workqueue");

            migrationBuilder.DropColumn(
                name: "lasterror",
                table: "workqueue");

            migrationBuilder.DropColumn(
                name: "leaseuntil",
                table: "workqueue");

            migrationBuilder.DropColumn(
                name: "maxattempts",
                table: "workqueue");

            migrationBuilder.DropColumn(
                name: "nextattemptat",
                table: "workqueue");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "botledger");

            migrationBuilder.DropColumn(
                name: "previoushash",
                table: "botledger");

            migrationBuilder.DropColumn(
                name: "runid",
                table: "botledger");

            migrationBuilder.AddCheckConstraint(
                name: "ck_workqueue_status",
                table: "workqueue",
                sql: "\"status\" IN ('pending', 'processing', 'completed', 'failed')");
        }
    }
}
