using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class BotQueueLeasesAndLedgerChain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "ck_workQueue_status",
                table: "workQueue");

            migrationBuilder.AddColumn<int>(
                name: "attempts",
                table: "workQueue",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "lastError",
                table: "workQueue",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "leaseUntil",
                table: "workQueue",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "maxAttempts",
                table: "workQueue",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "nextAttemptAt",
                table: "workQueue",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "botLedger",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "previousHash",
                table: "botLedger",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "runId",
                table: "botLedger",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_lease",
                table: "workQueue",
                columns: new[] { "status", "leaseUntil" });

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_next_attempt",
                table: "workQueue",
                columns: new[] { "status", "nextAttemptAt" });

            migrationBuilder.AddCheckConstraint(
                name: "ck_workQueue_status",
                table: "workQueue",
                sql: "\"status\" IN ('pending', 'processing', 'completed', 'failed', 'retrying', 'cancelled')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "idx_work_queue_status_lease",
                table: "workQueue");

            migrationBuilder.DropIndex(
                name: "idx_work_queue_status_next_attempt",
                table: "workQueue");

            migrationBuilder.DropCheckConstraint(
                name: "ck_workQueue_status",
                table: "workQueue");

            migrationBuilder.DropColumn(
                name: "attempts",
                table: "workQueue");

            migrationBuilder.DropColumn(
                name: "lastError",
                table: "workQueue");

            migrationBuilder.DropColumn(
                name: "leaseUntil",
                table: "workQueue");

            migrationBuilder.DropColumn(
                name: "maxAttempts",
                table: "workQueue");

            migrationBuilder.DropColumn(
                name: "nextAttemptAt",
                table: "workQueue");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "botLedger");

            migrationBuilder.DropColumn(
                name: "previousHash",
                table: "botLedger");

            migrationBuilder.DropColumn(
                name: "runId",
                table: "botLedger");

            migrationBuilder.AddCheckConstraint(
                name: "ck_workQueue_status",
                table: "workQueue",
                sql: "\"status\" IN ('pending', 'processing', 'completed', 'failed')");
        }
    }
}
