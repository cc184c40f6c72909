using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class StorageSamples : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "storagesamples",
                columns: table => new
                {
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    databasebytes = table.Column<long>(type: "bigint", nullable: false),
                    walbytes = table.Column<long>(type: "bigint", nullable: true),
                    recordedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_storagesamples", x => x.day);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "storagesamples");
        }
    }
}
