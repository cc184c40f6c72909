using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Phase4AdvancedFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "certifications",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    provider = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    icon = table.Column<string>(type: "TEXT", nullable: true),
                    color = table.Column<string>(type: "TEXT", nullable: true),
                    difficulty = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    estimatedHours = table.Column<int>(type: "INTEGER", nullable: false),
                    examCode = table.Column<string>(type: "TEXT", nullable: true),
                    officialUrl = table.Column<string>(type: "TEXT", nullable: true),
                    domains = table.Column<string>(type: "TEXT", nullable: true),
                    channelMappings = table.Column<string>(type: "TEXT", nullable: true),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    prerequisites = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    questionCount = table.Column<int>(type: "INTEGER", nullable: false),
                    passingScore = table.Column<int>(type: "INTEGER", nullable: false),
                    examDuration = table.Column<int>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    lastUpdated = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_certifications", x => x.id);
                    table.CheckConstraint("ck_certifications_channelMappings_json", "\"channelMappings\" IS NULL OR json_valid(\"channelMappings\")");
                    table.CheckConstraint("ck_certifications_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                    table.CheckConstraint("ck_certifications_domains_json", "\"domains\" IS NULL OR json_valid(\"domains\")");
                    table.CheckConstraint("ck_certifications_prerequisites_json", "\"prerequisites\" IS NULL OR json_valid(\"prerequisites\")");
                    table.CheckConstraint("ck_certifications_tags_json", "\"tags\" IS NULL OR json_valid(\"tags\")");
                });

            migrationBuilder.CreateTable(
                name: "learningPaths",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: false),
                    pathType = table.Column<string>(type: "TEXT", nullable: false),
                    targetCompany = table.Column<string>(type: "TEXT", nullable: true),
                    targetJobTitle = table.Column<string>(type: "TEXT", nullable: true),
                    difficulty = table.Column<string>(type: "TEXT", nullable: false),
                    estimatedHours = table.Column<int>(type: "INTEGER", nullable: false),
                    questionIds = table.Column<string>(type: "TEXT", nullable: false),
                    channels = table.Column<string>(type: "TEXT", nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    prerequisites = table.Column<string>(type: "TEXT", nullable: true),
                    learningObjectives = table.Column<string>(type: "TEXT", nullable: true),
                    milestones = table.Column<string>(type: "TEXT", nullable: true),
                    popularity = table.Column<int>(type: "INTEGER", nullable: false),
                    completionRate = table.Column<int>(type: "INTEGER", nullable: false),
                    averageRating = table.Column<int>(type: "INTEGER", nullable: false),
                    metadata = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    lastUpdated = table.Column<string>(type: "TEXT", nullable: false),
                    lastGenerated = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_learningPaths", x => x.id);
                    table.CheckConstraint("ck_learningPaths_channels_json", "\"channels\" IS NULL OR json_valid(\"channels\")");
                    table.CheckConstraint("ck_learningPaths_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                    table.CheckConstraint("ck_learningPaths_learningObjectives_json", "\"learningObjectives\" IS NULL OR json_valid(\"learningObjectives\")");
                    table.CheckConstraint("ck_learningPaths_metadata_json", "\"metadata\" IS NULL OR json_valid(\"metadata\")");
                    table.CheckConstraint("ck_learningPaths_milestones_json", "\"milestones\" IS NULL OR json_valid(\"milestones\")");
                    table.CheckConstraint("ck_learningPaths_prerequisites_json", "\"prerequisites\" IS NULL OR json_valid(\"prerequisites\")");
                    table.CheckConstraint("ck_learningPaths_questionIds_json", "\"questionIds\" IS NULL OR json_valid(\"questionIds\")");
                    table.CheckConstraint("ck_learningPaths_tags_json", "\"tags\" IS NULL OR json_valid(\"tags\")");
                });

            migrationBuilder.CreateTable(
                name: "userSessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    userId = table.Column<string>(type: "TEXT", nullable: true),
                    sessionType = table.Column<string>(type: "TEXT", nullable: false),
                    sessionKey = table.Column<string>(type: "TEXT", nullable: false),
                    title = table.Column<string>(type: "TEXT", nullable: false),
                    subtitle = table.Column<string>(type: "TEXT", nullable: true),
                    channelId = table.Column<string>(type: "TEXT", nullable: true),
                    certificationId = table.Column<string>(type: "TEXT", nullable: true),
                    progress = table.Column<int>(type: "INTEGER", nullable: false),
                    totalItems = table.Column<int>(type: "INTEGER", nullable: false),
                    completedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    sessionData = table.Column<string>(type: "TEXT", nullable: true),
                    startedAt = table.Column<string>(type: "TEXT", nullable: false),
                    lastAccessedAt = table.Column<string>(type: "TEXT", nullable: false),
                    completedAt = table.Column<string>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_userSessions", x => x.id);
                    table.CheckConstraint("ck_userSessions_sessionData_json", "\"sessionData\" IS NULL OR json_valid(\"sessionData\")");
                    table.CheckConstraint("ck_userSessions_status", "\"status\" IN ('active', 'completed', 'abandoned')");
                });

            migrationBuilder.CreateTable(
                name: "voiceSessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    topic = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    difficulty = table.Column<string>(type: "TEXT", nullable: false),
                    questionIds = table.Column<string>(type: "TEXT", nullable: false),
                    totalQuestions = table.Column<int>(type: "INTEGER", nullable: false),
                    estimatedMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    lastUpdated = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_voiceSessions", x => x.id);
                    table.CheckConstraint("ck_voiceSessions_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                    table.CheckConstraint("ck_voiceSessions_questionIds_json", "\"questionIds\" IS NULL OR json_valid(\"questionIds\")");
                });

            migrationBuilder.CreateIndex(
                name: "idx_certifications_status",
                table: "certifications",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_learning_paths_status",
                table: "learningPaths",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_learning_paths_type",
                table: "learningPaths",
                column: "pathType");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_key",
                table: "userSessions",
                column: "sessionKey");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_status",
                table: "userSessions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_type",
                table: "userSessions",
                column: "sessionType");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_user_status_accessed",
                table: "userSessions",
                columns: new[] { "userId", "status", "lastAccessedAt" });

            migrationBuilder.CreateIndex(
                name: "idx_voice_sessions_channel",
                table: "voiceSessions",
                column: "channel");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "certifications");

            migrationBuilder.DropTable(
                name: "learningPaths");

            migrationBuilder.DropTable(
                name: "userSessions");

            migrationBuilder.DropTable(
                name: "voiceSessions");
        }
    }
}
