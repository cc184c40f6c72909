using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InterviewPrep.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Phase1CoreTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    category = table.Column<string>(type: "TEXT", nullable: false),
                    description = table.Column<string>(type: "TEXT", nullable: true),
                    icon = table.Column<string>(type: "TEXT", nullable: true),
                    sortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    question = table.Column<string>(type: "TEXT", nullable: false),
                    answer = table.Column<string>(type: "TEXT", nullable: false),
                    explanation = table.Column<string>(type: "TEXT", nullable: false),
                    diagram = table.Column<string>(type: "TEXT", nullable: true),
                    difficulty = table.Column<string>(type: "TEXT", nullable: false),
                    tags = table.Column<string>(type: "TEXT", nullable: true),
                    channel = table.Column<string>(type: "TEXT", nullable: false),
                    subChannel = table.Column<string>(type: "TEXT", nullable: false),
                    sourceUrl = table.Column<string>(type: "TEXT", nullable: true),
                    videos = table.Column<string>(type: "TEXT", nullable: true),
                    companies = table.Column<string>(type: "TEXT", nullable: true),
                    eli5 = table.Column<string>(type: "TEXT", nullable: true),
                    tldr = table.Column<string>(type: "TEXT", nullable: true),
                    relevanceScore = table.Column<int>(type: "INTEGER", nullable: true),
                    relevanceDetails = table.Column<string>(type: "TEXT", nullable: true),
                    jobTitleRelevance = table.Column<string>(type: "TEXT", nullable: true),
                    experienceLevelTags = table.Column<string>(type: "TEXT", nullable: true),
                    voiceKeywords = table.Column<string>(type: "TEXT", nullable: true),
                    voiceSuitable = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", nullable: false),
                    isNew = table.Column<bool>(type: "INTEGER", nullable: false),
                    lastUpdated = table.Column<string>(type: "TEXT", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_questions", x => x.id);
                    table.CheckConstraint("ck_questions_companies_json", "\"companies\" IS NULL OR json_valid(\"companies\")");
                    table.CheckConstraint("ck_questions_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                    table.CheckConstraint("ck_questions_experienceLevelTags_json", "\"experienceLevelTags\" IS NULL OR json_valid(\"experienceLevelTags\")");
                    table.CheckConstraint("ck_questions_jobTitleRelevance_json", "\"jobTitleRelevance\" IS NULL OR json_valid(\"jobTitleRelevance\")");
                    table.CheckConstraint("ck_questions_relevanceDetails_json", "\"relevanceDetails\" IS NULL OR json_valid(\"relevanceDetails\")");
                    table.CheckConstraint("ck_questions_status", "\"status\" IN ('active', 'flagged', 'deleted')");
                    table.CheckConstraint("ck_questions_tags_json", "\"tags\" IS NULL OR json_valid(\"tags\")");
                    table.CheckConstraint("ck_questions_videos_json", "\"videos\" IS NULL OR json_valid(\"videos\")");
                    table.CheckConstraint("ck_questions_voiceKeywords_json", "\"voiceKeywords\" IS NULL OR json_valid(\"voiceKeywords\")");
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalizedName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrencyStamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "TEXT", nullable: false),
                    createdAt = table.Column<string>(type: "TEXT", nullable: false),
                    username = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalizedUserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    emailConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password = table.Column<string>(type: "TEXT", nullable: true),
                    securityStamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrencyStamp = table.Column<string>(type: "TEXT", nullable: true),
                    phoneNumber = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    phoneNumberConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    twoFactorEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockoutEnd = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockoutEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    accessFailedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "channelMappings",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    channelId = table.Column<string>(type: "TEXT", nullable: false),
                    subChannel = table.Column<string>(type: "TEXT", nullable: false),
                    questionId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_channelMappings", x => x.id);
                    table.ForeignKey(
                        name: "FK_channelMappings_questions_questionId",
                        column: x => x.questionId,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roleClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    roleId = table.Column<string>(type: "TEXT", nullable: false),
                    claimType = table.Column<string>(type: "TEXT", nullable: true),
                    claimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_roleClaims", x => x.id);
                    table.ForeignKey(
                        name: "FK_roleClaims_roles_roleId",
                        column: x => x.roleId,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userClaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    userId = table.Column<string>(type: "TEXT", nullable: false),
                    claimType = table.Column<string>(type: "TEXT", nullable: true),
                    claimValue = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_userClaims", x => x.id);
                    table.ForeignKey(
                        name: "FK_userClaims_users_userId",
                        column: x => x.userId,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userLogins",
                columns: table => new
                {
                    loginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    providerKey = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    providerDisplayName = table.Column<string>(type: "TEXT", nullable: true),
                    userId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_userLogins", x => new { x.loginProvider, x.providerKey });
                    table.ForeignKey(
                        name: "FK_userLogins_users_userId",
                        column: x => x.userId,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userPasskeys",
                columns: table => new
                {
                    credentialId = table.Column<byte[]>(type: "BLOB", maxLength: 1024, nullable: false),
                    userId = table.Column<string>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_userPasskeys", x => x.credentialId);
                    table.ForeignKey(
                        name: "FK_userPasskeys_users_userId",
                        column: x => x.userId,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userRoles",
                columns: table => new
                {
                    userId = table.Column<string>(type: "TEXT", nullable: false),
                    roleId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_userRoles", x => new { x.userId, x.roleId });
                    table.ForeignKey(
                        name: "FK_userRoles_roles_roleId",
                        column: x => x.roleId,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_userRoles_users_userId",
                        column: x => x.userId,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userTokens",
                columns: table => new
                {
                    userId = table.Column<string>(type: "TEXT", nullable: false),
                    loginProvider = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_userTokens", x => new { x.userId, x.loginProvider, x.name });
                    table.ForeignKey(
                        name: "FK_userTokens_users_userId",
                        column: x => x.userId,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "idx_channel_mappings_channel",
                table: "channelMappings",
                column: "channelId");

            migrationBuilder.CreateIndex(
                name: "idx_channel_mappings_question",
                table: "channelMappings",
                column: "questionId");

            migrationBuilder.CreateIndex(
                name: "ux_channel_mappings_channel_question",
                table: "channelMappings",
                columns: new[] { "channelId", "questionId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_channels_category",
                table: "channels",
                columns: new[] { "category", "sortOrder" });

            migrationBuilder.CreateIndex(
                name: "idx_questions_channel",
                table: "questions",
                column: "channel");

            migrationBuilder.CreateIndex(
                name: "idx_questions_channel_status_created",
                table: "questions",
                columns: new[] { "channel", "status", "createdAt" });

            migrationBuilder.CreateIndex(
                name: "idx_questions_created",
                table: "questions",
                column: "createdAt");

            migrationBuilder.CreateIndex(
                name: "idx_questions_difficulty",
                table: "questions",
                column: "difficulty");

            migrationBuilder.CreateIndex(
                name: "idx_questions_status",
                table: "questions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "IX_roleClaims_roleId",
                table: "roleClaims",
                column: "roleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "roles",
                column: "normalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_userClaims_userId",
                table: "userClaims",
                column: "userId");

            migrationBuilder.CreateIndex(
                name: "IX_userLogins_userId",
                table: "userLogins",
                column: "userId");

            migrationBuilder.CreateIndex(
                name: "IX_userPasskeys_userId",
                table: "userPasskeys",
                column: "userId");

            migrationBuilder.CreateIndex(
                name: "IX_userRoles_roleId",
                table: "userRoles",
                column: "roleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "users",
                column: "normalizedEmail");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "users",
                column: "normalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_users_username",
                table: "users",
                column: "username",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "channelMappings");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "roleClaims");

            migrationBuilder.DropTable(
                name: "userClaims");

            migrationBuilder.DropTable(
                name: "userLogins");

            migrationBuilder.DropTable(
                name: "userPasskeys");

            migrationBuilder.DropTable(
                name: "userRoles");

            migrationBuilder.DropTable(
                name: "userTokens");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
