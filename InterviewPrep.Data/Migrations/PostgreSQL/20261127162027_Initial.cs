using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace InterviewPrep.Data.Migrations.PostgreSQL
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "botledger",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botname = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    itemtype = table.Column<string>(type: "text", nullable: false),
                    itemid = table.Column<string>(type: "text", nullable: false),
                    beforestate = table.Column<string>(type: "jsonb", nullable: true),
                    afterstate = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_botledger", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "botruns",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    botname = table.Column<string>(type: "text", nullable: false),
                    startedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    itemsprocessed = table.Column<int>(type: "integer", nullable: false),
                    itemscreated = table.Column<int>(type: "integer", nullable: false),
                    itemsupdated = table.Column<int>(type: "integer", nullable: false),
                    itemsdeleted = table.Column<int>(type: "integer", nullable: false),
                    summary = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_botruns", x => x.id);
                    table.CheckConstraint("ck_botruns_status", "\"status\" IN ('running', 'completed', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "certifications",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    provider = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    icon = table.Column<string>(type: "text", nullable: true),
                    color = table.Column<string>(type: "text", nullable: true),
                    difficulty = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    estimatedhours = table.Column<int>(type: "integer", nullable: false),
                    examcode = table.Column<string>(type: "text", nullable: true),
                    officialurl = table.Column<string>(type: "text", nullable: true),
                    domains = table.Column<string>(type: "jsonb", nullable: true),
                    channelmappings = table.Column<string>(type: "jsonb", nullable: true),
                    tags = table.Column<List<string>>(type: "text[]", nullable: true),
                    prerequisites = table.Column<List<string>>(type: "text[]", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    questioncount = table.Column<int>(type: "integer", nullable: false),
                    passingscore = table.Column<int>(type: "integer", nullable: false),
                    examduration = table.Column<int>(type: "integer", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastupdated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_certifications", x => x.id);
                    table.CheckConstraint("ck_certifications_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                });

            migrationBuilder.CreateTable(
                name: "channels",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    category = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    icon = table.Column<string>(type: "text", nullable: true),
                    sortorder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channels", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "contentversion",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_contentversion", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "dataprotectionkeys",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    friendlyname = table.Column<string>(type: "text", nullable: true),
                    xml = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_dataprotectionkeys", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "learneractivitydays",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    questionsstudied = table.Column<int>(type: "integer", nullable: false),
                    reviews = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learneractivitydays", x => new { x.learnerid, x.day });
                });

            migrationBuilder.CreateTable(
                name: "learners",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastactiveat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learners", x => x.learnerid);
                });

            migrationBuilder.CreateTable(
                name: "learnersettings",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    desiredretention = table.Column<double>(type: "double precision", nullable: false),
                    dailynewlimit = table.Column<int>(type: "integer", nullable: false),
                    maximumintervaldays = table.Column<int>(type: "integer", nullable: false),
                    timezone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    timezonechosen = table.Column<bool>(type: "boolean", nullable: false),
                    updatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learnersettings", x => x.learnerid);
                    table.CheckConstraint("ck_learnersettings_dailynewlimit", "\"dailynewlimit\" BETWEEN 0 AND 9999");
                    table.CheckConstraint("ck_learnersettings_desiredretention", "\"desiredretention\" BETWEEN 0.7 AND 0.97");
                    table.CheckConstraint("ck_learnersettings_maximumintervaldays", "\"maximumintervaldays\" BETWEEN 1 AND 36500");
                });

            migrationBuilder.CreateTable(
                name: "learningpaths",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: false),
                    pathtype = table.Column<string>(type: "text", nullable: false),
                    targetcompany = table.Column<string>(type: "text", nullable: true),
                    targetjobtitle = table.Column<string>(type: "text", nullable: true),
                    difficulty = table.Column<string>(type: "text", nullable: false),
                    estimatedhours = table.Column<int>(type: "integer", nullable: false),
                    questionids = table.Column<List<string>>(type: "text[]", nullable: false),
                    channels = table.Column<List<string>>(type: "text[]", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: true),
                    prerequisites = table.Column<List<string>>(type: "text[]", nullable: true),
                    learningobjectives = table.Column<List<string>>(type: "text[]", nullable: true),
                    milestones = table.Column<string>(type: "jsonb", nullable: true),
                    popularity = table.Column<int>(type: "integer", nullable: false),
                    completionrate = table.Column<int>(type: "integer", nullable: false),
                    averagerating = table.Column<int>(type: "integer", nullable: false),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastupdated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastgenerated = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learningpaths", x => x.id);
                    table.CheckConstraint("ck_learningpaths_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                });

            migrationBuilder.CreateTable(
                name: "questionhistory",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    questionid = table.Column<string>(type: "text", nullable: false),
                    questiontype = table.Column<string>(type: "text", nullable: false),
                    eventtype = table.Column<string>(type: "text", nullable: false),
                    eventsource = table.Column<string>(type: "text", nullable: false),
                    sourcename = table.Column<string>(type: "text", nullable: true),
                    changessummary = table.Column<string>(type: "text", nullable: true),
                    changedfields = table.Column<List<string>>(type: "text[]", nullable: true),
                    beforesnapshot = table.Column<string>(type: "jsonb", nullable: true),
                    aftersnapshot = table.Column<string>(type: "jsonb", nullable: true),
                    reason = table.Column<string>(type: "text", nullable: true),
                    metadata = table.Column<string>(type: "jsonb", nullable: true),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionhistory", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "questions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    question = table.Column<string>(type: "text", nullable: false),
                    answer = table.Column<string>(type: "text", nullable: false),
                    explanation = table.Column<string>(type: "text", nullable: false),
                    diagram = table.Column<string>(type: "text", nullable: true),
                    difficulty = table.Column<string>(type: "text", nullable: false),
                    tags = table.Column<List<string>>(type: "text[]", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: false),
                    subchannel = table.Column<string>(type: "text", nullable: false),
                    sourceurl = table.Column<string>(type: "text", nullable: true),
                    videos = table.Column<string>(type: "jsonb", nullable: true),
                    companies = table.Column<List<string>>(type: "text[]", nullable: true),
                    eli5 = table.Column<string>(type: "text", nullable: true),
                    tldr = table.Column<string>(type: "text", nullable: true),
                    relevancescore = table.Column<int>(type: "integer", nullable: true),
                    relevancedetails = table.Column<string>(type: "jsonb", nullable: true),
                    jobtitlerelevance = table.Column<string>(type: "jsonb", nullable: true),
                    experienceleveltags = table.Column<List<string>>(type: "text[]", nullable: true),
                    voicekeywords = table.Column<List<string>>(type: "text[]", nullable: true),
                    voicesuitable = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    isnew = table.Column<bool>(type: "boolean", nullable: false),
                    lastupdated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questions", x => x.id);
                    table.CheckConstraint("ck_questions_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                    table.CheckConstraint("ck_questions_status", "\"status\" IN ('active', 'flagged', 'deleted')");
                });

            migrationBuilder.CreateTable(
                name: "reviewlogs",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    questionid = table.Column<string>(type: "text", nullable: false),
                    grade = table.Column<int>(type: "integer", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    reviewedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    elapseddays = table.Column<double>(type: "double precision", nullable: false),
                    scheduleddays = table.Column<double>(type: "double precision", nullable: false),
                    durationms = table.Column<int>(type: "integer", nullable: false),
                    stability = table.Column<double>(type: "double precision", nullable: false),
                    difficulty = table.Column<double>(type: "double precision", nullable: false),
                    retrievability = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviewlogs", x => x.id);
                    table.CheckConstraint("ck_reviewlogs_grade", "\"grade\" BETWEEN 1 AND 4");
                    table.CheckConstraint("ck_reviewlogs_state", "\"state\" IN ('new', 'learning', 'review', 'relearning')");
                });

            migrationBuilder.CreateTable(
                name: "roles",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedname = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "users",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    username = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedusername = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    normalizedemail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    emailconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    password = table.Column<string>(type: "text", nullable: true),
                    securitystamp = table.Column<string>(type: "text", nullable: true),
                    concurrencystamp = table.Column<string>(type: "text", nullable: true),
                    phonenumber = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    phonenumberconfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    twofactorenabled = table.Column<bool>(type: "boolean", nullable: false),
                    lockoutend = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    lockoutenabled = table.Column<bool>(type: "boolean", nullable: false),
                    accessfailedcount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_users", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "usersessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    userid = table.Column<string>(type: "text", nullable: true),
                    sessiontype = table.Column<string>(type: "text", nullable: false),
                    sessionkey = table.Column<string>(type: "text", nullable: false),
                    title = table.Column<string>(type: "text", nullable: false),
                    subtitle = table.Column<string>(type: "text", nullable: true),
                    channelid = table.Column<string>(type: "text", nullable: true),
                    certificationid = table.Column<string>(type: "text", nullable: true),
                    progress = table.Column<int>(type: "integer", nullable: false),
                    totalitems = table.Column<int>(type: "integer", nullable: false),
                    completeditems = table.Column<int>(type: "integer", nullable: false),
                    sessiondata = table.Column<string>(type: "jsonb", nullable: true),
                    startedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastaccessedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    status = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usersessions", x => x.id);
                    table.CheckConstraint("ck_usersessions_sessiontype", "\"sessiontype\" IN ('channel', 'search', 'review', 'certification', 'learning-path', 'voice')");
                    table.CheckConstraint("ck_usersessions_status", "\"status\" IN ('active', 'completed', 'abandoned')");
                });

            migrationBuilder.CreateTable(
                name: "voicesessions",
                columns: table => new
                {
                    id = table.Column<string>(type: "text", nullable: false),
                    topic = table.Column<string>(type: "text", nullable: false),
                    description = table.Column<string>(type: "text", nullable: true),
                    channel = table.Column<string>(type: "text", nullable: false),
                    difficulty = table.Column<string>(type: "text", nullable: false),
                    questionids = table.Column<List<string>>(type: "text[]", nullable: false),
                    totalquestions = table.Column<int>(type: "integer", nullable: false),
                    estimatedminutes = table.Column<int>(type: "integer", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastupdated = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_voicesessions", x => x.id);
                    table.CheckConstraint("ck_voicesessions_difficulty", "\"difficulty\" IN ('beginner', 'intermediate', 'advanced', 'expert')");
                });

            migrationBuilder.CreateTable(
                name: "workqueue",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    itemtype = table.Column<string>(type: "text", nullable: false),
                    itemid = table.Column<string>(type: "text", nullable: false),
                    action = table.Column<string>(type: "text", nullable: false),
                    priority = table.Column<int>(type: "integer", nullable: false),
                    status = table.Column<string>(type: "text", nullable: false),
                    reason = table.Column<string>(type: "text", nullable: true),
                    createdby = table.Column<string>(type: "text", nullable: true),
                    assignedto = table.Column<string>(type: "text", nullable: true),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    processedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    result = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_workqueue", x => x.id);
                    table.CheckConstraint("ck_workqueue_status", "\"status\" IN ('pending', 'processing', 'completed', 'failed')");
                });

            migrationBuilder.CreateTable(
                name: "channelmappings",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    channelid = table.Column<string>(type: "text", nullable: false),
                    subchannel = table.Column<string>(type: "text", nullable: false),
                    questionid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_channelmappings", x => x.id);
                    table.ForeignKey(
                        name: "fk_channelmappings_questions_questionid",
                        column: x => x.questionid,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "learnerquestionstates",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    questionid = table.Column<string>(type: "text", nullable: false),
                    seencount = table.Column<int>(type: "integer", nullable: false),
                    firstseenat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    lastseenat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    studiedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    laststudiedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    bookmarked = table.Column<bool>(type: "boolean", nullable: false),
                    bookmarkedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    note = table.Column<string>(type: "text", nullable: true),
                    noteupdatedat = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_learnerquestionstates", x => new { x.learnerid, x.questionid });
                    table.ForeignKey(
                        name: "fk_learnerquestionstates_questions_questionid",
                        column: x => x.questionid,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "questionrelationships",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    sourcequestionid = table.Column<string>(type: "text", nullable: false),
                    targetquestionid = table.Column<string>(type: "text", nullable: false),
                    relationshiptype = table.Column<string>(type: "text", nullable: false),
                    strength = table.Column<int>(type: "integer", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_questionrelationships", x => x.id);
                    table.ForeignKey(
                        name: "fk_questionrelationships_questions_sourcequestionid",
                        column: x => x.sourcequestionid,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_questionrelationships_questions_targetquestionid",
                        column: x => x.targetquestionid,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "reviewcards",
                columns: table => new
                {
                    learnerid = table.Column<string>(type: "text", nullable: false),
                    questionid = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<string>(type: "text", nullable: false),
                    stability = table.Column<double>(type: "double precision", nullable: false),
                    difficulty = table.Column<double>(type: "double precision", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    due = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    lastreview = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    reps = table.Column<int>(type: "integer", nullable: false),
                    lapses = table.Column<int>(type: "integer", nullable: false),
                    createdat = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reviewcards", x => new { x.learnerid, x.questionid });
                    table.CheckConstraint("ck_reviewcards_state", "\"state\" IN ('new', 'learning', 'review', 'relearning')");
                    table.ForeignKey(
                        name: "fk_reviewcards_questions_questionid",
                        column: x => x.questionid,
                        principalTable: "questions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "roleclaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    roleid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_roleclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_roleclaims_roles_roleid",
                        column: x => x.roleid,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userclaims",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    userid = table.Column<string>(type: "text", nullable: false),
                    claimtype = table.Column<string>(type: "text", nullable: true),
                    claimvalue = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_userclaims", x => x.id);
                    table.ForeignKey(
                        name: "fk_userclaims_users_userid",
                        column: x => x.userid,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userlogins",
                columns: table => new
                {
                    loginprovider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    providerkey = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    providerdisplayname = table.Column<string>(type: "text", nullable: true),
                    userid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_userlogins", x => new { x.loginprovider, x.providerkey });
                    table.ForeignKey(
                        name: "fk_userlogins_users_userid",
                        column: x => x.userid,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userpasskeys",
                columns: table => new
                {
                    credentialid = table.Column<byte[]>(type: "bytea", maxLength: 1024, nullable: false),
                    userid = table.Column<string>(type: "text", nullable: false),
                    Data = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_userpasskeys", x => x.credentialid);
                    table.ForeignKey(
                        name: "fk_userpasskeys_users_userid",
                        column: x => x.userid,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "userroles",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    roleid = table.Column<string>(type: "text", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_userroles", x => new { x.userid, x.roleid });
                    table.ForeignKey(
                        name: "fk_userroles_roles_roleid",
                        column: x => x.roleid,
                        principalTable: "roles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_userroles_users_userid",
                        column: x => x.userid,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "usertokens",
                columns: table => new
                {
                    userid = table.Column<string>(type: "text", nullable: false),
                    loginprovider = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    value = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_usertokens", x => new { x.userid, x.loginprovider, x.name });
                    table.ForeignKey(
                        name: "fk_usertokens_users_userid",
                        column: x => x.userid,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "contentversion",
                columns: new[] { "id", "version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "idx_bot_ledger_bot",
                table: "botledger",
                column: "botname");

            migrationBuilder.CreateIndex(
                name: "idx_bot_ledger_bot_created",
                table: "botledger",
                columns: new[] { "botname", "createdat" });

            migrationBuilder.CreateIndex(
                name: "idx_bot_ledger_item",
                table: "botledger",
                column: "itemid");

            migrationBuilder.CreateIndex(
                name: "idx_bot_runs_bot_status_started",
                table: "botruns",
                columns: new[] { "botname", "status", "startedat" });

            migrationBuilder.CreateIndex(
                name: "idx_certifications_status",
                table: "certifications",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_channel_mappings_channel",
                table: "channelmappings",
                column: "channelid");

            migrationBuilder.CreateIndex(
                name: "idx_channel_mappings_question",
                table: "channelmappings",
                column: "questionid");

            migrationBuilder.CreateIndex(
                name: "ux_channel_mappings_channel_question",
                table: "channelmappings",
                columns: new[] { "channelid", "questionid" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_channels_category",
                table: "channels",
                columns: new[] { "category", "sortorder" });

            migrationBuilder.CreateIndex(
                name: "idx_learner_question_states_bookmarks",
                table: "learnerquestionstates",
                columns: new[] { "learnerid", "bookmarked", "bookmarkedat" });

            migrationBuilder.CreateIndex(
                name: "idx_learner_question_states_notes",
                table: "learnerquestionstates",
                columns: new[] { "learnerid", "noteupdatedat" });

            migrationBuilder.CreateIndex(
                name: "idx_learner_question_states_seen",
                table: "learnerquestionstates",
                columns: new[] { "learnerid", "lastseenat" });

            migrationBuilder.CreateIndex(
                name: "ix_learnerquestionstates_questionid",
                table: "learnerquestionstates",
                column: "questionid");

            migrationBuilder.CreateIndex(
                name: "idx_learners_last_active",
                table: "learners",
                column: "lastactiveat");

            migrationBuilder.CreateIndex(
                name: "idx_learning_paths_status",
                table: "learningpaths",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_learning_paths_type",
                table: "learningpaths",
                column: "pathtype");

            migrationBuilder.CreateIndex(
                name: "idx_question_history_question",
                table: "questionhistory",
                column: "questionid");

            migrationBuilder.CreateIndex(
                name: "idx_question_history_question_created",
                table: "questionhistory",
                columns: new[] { "questionid", "createdat" });

            migrationBuilder.CreateIndex(
                name: "idx_question_history_type",
                table: "questionhistory",
                column: "questiontype");

            migrationBuilder.CreateIndex(
                name: "idx_question_relationships_source",
                table: "questionrelationships",
                columns: new[] { "sourcequestionid", "strength" });

            migrationBuilder.CreateIndex(
                name: "idx_question_relationships_target",
                table: "questionrelationships",
                column: "targetquestionid");

            migrationBuilder.CreateIndex(
                name: "ux_question_relationships_pair",
                table: "questionrelationships",
                columns: new[] { "sourcequestionid", "targetquestionid", "relationshiptype" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_questions_channel",
                table: "questions",
                column: "channel");

            migrationBuilder.CreateIndex(
                name: "idx_questions_channel_status_created",
                table: "questions",
                columns: new[] { "channel", "status", "createdat" });

            migrationBuilder.CreateIndex(
                name: "idx_questions_created",
                table: "questions",
                column: "createdat");

            migrationBuilder.CreateIndex(
                name: "idx_questions_difficulty",
                table: "questions",
                column: "difficulty");

            migrationBuilder.CreateIndex(
                name: "idx_questions_status",
                table: "questions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_review_cards_due",
                table: "reviewcards",
                columns: new[] { "learnerid", "due" });

            migrationBuilder.CreateIndex(
                name: "ix_reviewcards_questionid",
                table: "reviewcards",
                column: "questionid");

            migrationBuilder.CreateIndex(
                name: "idx_review_logs_learner",
                table: "reviewlogs",
                columns: new[] { "learnerid", "reviewedat" });

            migrationBuilder.CreateIndex(
                name: "ix_roleclaims_roleid",
                table: "roleclaims",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "rolenameindex",
                table: "roles",
                column: "normalizedname",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_userclaims_userid",
                table: "userclaims",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_userlogins_userid",
                table: "userlogins",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_userpasskeys_userid",
                table: "userpasskeys",
                column: "userid");

            migrationBuilder.CreateIndex(
                name: "ix_userroles_roleid",
                table: "userroles",
                column: "roleid");

            migrationBuilder.CreateIndex(
                name: "emailindex",
                table: "users",
                column: "normalizedemail");

            migrationBuilder.CreateIndex(
                name: "usernameindex",
                table: "users",
                column: "normalizedusername",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ux_users_username",
                table: "users",
                column: "username",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_key",
                table: "usersessions",
                column: "sessionkey");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_status",
                table: "usersessions",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_type",
                table: "usersessions",
                column: "sessiontype");

            migrationBuilder.CreateIndex(
                name: "idx_user_sessions_user_status_accessed",
                table: "usersessions",
                columns: new[] { "userid", "status", "lastaccessedat" });

            migrationBuilder.CreateIndex(
                name: "idx_voice_sessions_channel",
                table: "voicesessions",
                column: "channel");

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_priority",
                table: "workqueue",
                column: "priority");

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status",
                table: "workqueue",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "idx_work_queue_status_priority_created",
                table: "workqueue",
                columns: new[] { "status", "priority", "createdat" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "botledger");

            migrationBuilder.DropTable(
                name: "botruns");

            migrationBuilder.DropTable(
                name: "certifications");

            migrationBuilder.DropTable(
                name: "channelmappings");

            migrationBuilder.DropTable(
                name: "channels");

            migrationBuilder.DropTable(
                name: "contentversion");

            migrationBuilder.DropTable(
                name: "dataprotectionkeys");

            migrationBuilder.DropTable(
                name: "learneractivitydays");

            migrationBuilder.DropTable(
                name: "learnerquestionstates");

            migrationBuilder.DropTable(
                name: "learners");

            migrationBuilder.DropTable(
                name: "learnersettings");

            migrationBuilder.DropTable(
                name: "learningpaths");

            migrationBuilder.DropTable(
                name: "questionhistory");

            migrationBuilder.DropTable(
                name: "questionrelationships");

            migrationBuilder.DropTable(
                name: "reviewcards");

            migrationBuilder.DropTable(
                name: "reviewlogs");

            migrationBuilder.DropTable(
                name: "roleclaims");

            migrationBuilder.DropTable(
                name: "userclaims");

            migrationBuilder.DropTable(
                name: "userlogins");

            migrationBuilder.DropTable(
                name: "userpasskeys");

            migrationBuilder.DropTable(
                name: "userroles");

            migrationBuilder.DropTable(
                name: "usersessions");

            migrationBuilder.DropTable(
                name: "usertokens");

            migrationBuilder.DropTable(
                name: "voicesessions");

            migrationBuilder.DropTable(
                name: "workqueue");

            migrationBuilder.DropTable(
                name: "questions");

            migrationBuilder.DropTable(
                name: "roles");

            migrationBuilder.DropTable(
                name: "users");
        }
    }
}
