using System.Reflection;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InterviewPrep.Data;

/// <summary>
/// The design's twelve tables plus Identity's and channel metadata. Table and column names are
/// the design's; columns are the camelCase of the C# property unless a configuration says otherwise.
/// On PostgreSQL every name is lower case, the spelling PostgreSQL reads the design's unquoted
/// camelCase SQL as, so the same hand-written SQL runs on both providers.
/// </summary>
public partial class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    public DbSet<Question> Questions => Set<Question>();
    public DbSet<ChannelMapping> ChannelMappings => Set<ChannelMapping>();
    public DbSet<Channel> Channels => Set<Channel>();
    public DbSet<WorkQueueItem> WorkQueue => Set<WorkQueueItem>();
    public DbSet<BotLedgerEntry> BotLedger => Set<BotLedgerEntry>();
    public DbSet<BotRun> BotRuns => Set<BotRun>();
    public DbSet<QuestionRelationship> QuestionRelationships => Set<QuestionRelationship>();
    public DbSet<QuestionHistory> QuestionHistory => Set<QuestionHistory>();
    public DbSet<VoiceSession> VoiceSessions => Set<VoiceSession>();
    public DbSet<VoiceSynonymGroup> VoiceSynonyms => Set<VoiceSynonymGroup>();
    public DbSet<BotSetting> BotSettings => Set<BotSetting>();
    public DbSet<BotProposal> BotProposals => Set<BotProposal>();
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();
    public DbSet<PathEnrollment> PathEnrollments => Set<PathEnrollment>();
    public DbSet<PathRating> PathRatings => Set<PathRating>();
    public DbSet<LearnerQuestionState> LearnerQuestionStates => Set<LearnerQuestionState>();
    public DbSet<ReviewCard> ReviewCards => Set<ReviewCard>();
    public DbSet<ReviewLog> ReviewLogs => Set<ReviewLog>();
    public DbSet<LearnerSettings> LearnerSettings => Set<LearnerSettings>();
    public DbSet<LearnerActivityDay> LearnerActivityDays => Set<LearnerActivityDay>();
    public DbSet<Learner> Learners => Set<Learner>();
    public DbSet<QuestionReport> QuestionReports => Set<QuestionReport>();
    public DbSet<StorageSample> StorageSamples => Set<StorageSample>();

    /// <summary>The Data Protection key ring, shared by every app instance (PostgreSQL only; SQLite keeps it in a folder beside the file).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>The design's spelling of a table or column whose database name differs (PostgreSQL's lower case).</summary>
    public const string DesignNameAnnotation = "InterviewPrep:DesignName";

    private bool IsPostgreSql => Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        if (IsPostgreSql)
        {
            // timestamptz, which takes UTC only: every value is made UTC on its way in.
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>().HaveColumnType("timestamp with time zone");
        }
        else
        {
            configurationBuilder.Properties<DateTime>().HaveConversion<UtcIsoDateTimeConverter>().HaveColumnType("TEXT");
        }

        configurationBuilder.Properties<Difficulty>().HaveConversion<VocabularyConverter<Difficulty>>();
        configurationBuilder.Properties<QuestionStatus>().HaveConversion<VocabularyConverter<QuestionStatus>>();
        configurationBuilder.Properties<WorkQueueStatus>().HaveConversion<VocabularyConverter<WorkQueueStatus>>();
        configurationBuilder.Properties<SessionStatus>().HaveConversion<VocabularyConverter<SessionStatus>>();
        configurationBuilder.Properties<BotRunStatus>().HaveConversion<VocabularyConverter<BotRunStatus>>();
        configurationBuilder.Properties<BotMode>().HaveConversion<VocabularyConverter<BotMode>>();
        configurationBuilder.Properties<ProposalStatus>().HaveConversion<VocabularyConverter<ProposalStatus>>();
        configurationBuilder.Properties<SessionType>().HaveConversion<VocabularyConverter<SessionType>>();
        configurationBuilder.Properties<CardState>().HaveConversion<VocabularyConverter<CardState>>();
        configurationBuilder.Properties<ReportCategory>().HaveConversion<VocabularyConverter<ReportCategory>>();
        configurationBuilder.Properties<ReportStatus>().HaveConversion<VocabularyConverter<ReportStatus>>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
        if (IsPostgreSql)
        {
            builder.Entity<DataProtectionKey>().ToTable("dataProtectionKeys");
        }
        else
        {
            builder.Ignore<DataProtectionKey>();
            // The admin grid's reads: what it filters, sorts and counts on, in an index a tenth of the
            // table's size (a SQLite row carries its long texts inline). PostgreSQL keeps long texts
            // out of line, and caps an index entry's size, so it has no such index.
            builder.Entity<Question>()
                .HasIndex(q => new { q.LastUpdated, q.Id, q.Status, q.Channel, q.SubChannel, q.Difficulty, q.Text, q.Tags, q.Companies, q.VoiceKeywords })
                .HasDatabaseName("idx_questions_admin_grid");
        }

        ApplyDesignNaming(builder.Model);
        if (IsPostgreSql)
        {
            ApplyPostgreSqlTypesAndNames(builder.Model);
        }

        AddCheckConstraints(builder, IsPostgreSql);
    }

    /// <summary>
    /// JSON columns become <c>jsonb</c> (lists of strings stay native <c>text[]</c> arrays, which
    /// PostgreSQL queries and indexes directly), and every table, column, key and index name is
    /// lower case.
    /// </summary>
    private static void ApplyPostgreSqlTypesAndNames(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            if (entity.GetTableName() is { } table)
            {
                entity.SetAnnotation(DesignNameAnnotation, table);
                entity.SetTableName(table.ToLowerInvariant());
            }

            foreach (var property in entity.GetProperties())
            {
                property.SetAnnotation(DesignNameAnnotation, property.GetColumnName());
                property.SetColumnName(property.GetColumnName().ToLowerInvariant());
                if (property.IsPrimitiveCollection)
                {
                    property.SetColumnType(null);
                }
                else if (property.IsJsonColumn())
                {
                    property.SetColumnType("jsonb");
                }
            }

            foreach (var key in entity.GetKeys())
            {
                key.SetName(key.GetName()!.ToLowerInvariant());
            }

            foreach (var foreignKey in entity.GetForeignKeys())
            {
                foreignKey.SetConstraintName(foreignKey.GetConstraintName()!.ToLowerInvariant());
            }

            foreach (var index in entity.GetIndexes())
            {
                index.SetDatabaseName(index.GetDatabaseName()!.ToLowerInvariant());
            }

            // Constraints written in configurations quote the design's camelCase names.
            foreach (var check in entity.GetCheckConstraints().ToList())
            {
                entity.RemoveCheckConstraint(check.ModelName);
                entity.AddCheckConstraint(check.ModelName.ToLowerInvariant(), QuotedName().Replace(check.Sql, m => m.Value.ToLowerInvariant()));
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("\"[A-Za-z_][A-Za-z0-9_]*\"")]
    private static partial System.Text.RegularExpressions.Regex QuotedName();

    /// <summary>Columns not named by a configuration take the camelCase of their property.</summary>
    private static void ApplyDesignNaming(IMutableModel model)
    {
        foreach (var entity in model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            foreach (var property in entity.GetProperties())
            {
                if (property.FindAnnotation(RelationalAnnotationNames.ColumnName) is null)
                {
                    property.SetColumnName(char.ToLowerInvariant(property.Name[0]) + property.Name[1..]);
                }
            }
        }
    }

    /// <summary>
    /// The database itself rejects unknown enumeration values and (on SQLite, whose JSON is text)
    /// invalid JSON; PostgreSQL's <c>jsonb</c> accepts only valid JSON by its type.
    /// </summary>
    private static void AddCheckConstraints(ModelBuilder builder, bool postgreSql)
    {
        var enums = new Dictionary<Type, IReadOnlyList<string>>
        {
            [typeof(Difficulty)] = Vocabulary.Values<Difficulty>(),
            [typeof(QuestionStatus)] = Vocabulary.Values<QuestionStatus>(),
            [typeof(WorkQueueStatus)] = Vocabulary.Values<WorkQueueStatus>(),
            [typeof(SessionStatus)] = Vocabulary.Values<SessionStatus>(),
            [typeof(BotRunStatus)] = Vocabulary.Values<BotRunStatus>(),
            [typeof(BotMode)] = Vocabulary.Values<BotMode>(),
            [typeof(ProposalStatus)] = Vocabulary.Values<ProposalStatus>(),
            [typeof(SessionType)] = Vocabulary.Values<SessionType>(),
            [typeof(CardState)] = Vocabulary.Values<CardState>(),
            [typeof(ReportCategory)] = Vocabulary.Values<ReportCategory>(),
            [typeof(ReportStatus)] = Vocabulary.Values<ReportStatus>(),
        };
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.IsOwned()).ToList())
        {
            var table = entity.GetTableName();
            if (table is null)
            {
                continue;
            }

            var checks = new List<(string Name, string Sql)>();
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                if (property.IsJsonColumn())
                {
                    if (postgreSql)
                    {
                        continue;
                    }

                    checks.Add(($"ck_{table}_{column}_json", $"\"{column}\" IS NULL OR json_valid(\"{column}\")"));
                }
                else if (enums.TryGetValue(Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType, out var values))
                {
                    var list = string.Join(", ", values.Select(v => $"'{v}'"));
                    checks.Add(($"ck_{table}_{column}", $"\"{column}\" IN ({list})"));
                }
            }

            foreach (var (name, sql) in checks)
            {
                entity.AddCheckConstraint(name, sql);
            }
        }
    }
}
