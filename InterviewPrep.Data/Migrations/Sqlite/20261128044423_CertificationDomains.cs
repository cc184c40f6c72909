using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CertificationDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "domainAssignedBy",
                table: "channelMappings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "domainConfidence",
                table: "channelMappings",
                type: "REAL",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "domainAssignedBy",
                table: "channelMappings");

            migrationBuilder.DropColumn(
                name: "domainConfidence",
                table: "channelMappings");
        }
    }
}
