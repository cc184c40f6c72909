using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class CertificationDomains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "domainassignedby",
                table: "channelmappings",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "domainconfidence",
                table: "channelmappings",
                type: "double precision",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "domainassignedby",
                table: "channelmappings");

            migrationBuilder.DropColumn(
                name: "domainconfidence",
                table: "channelmappings");
        }
    }
}
