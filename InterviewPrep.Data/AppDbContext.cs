using System.Reflection;
using InterviewPrep.Data.Configurations;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InterviewPrep.Data;

/// <summary>
/// The design's twelve tables plus Identity's and channel metadata. Table and column names are
/// the design's; columns are the camelCase of the C# property unless a configuration says otherwise.
/// </summary>
public class AppDbContext(DbContextOptions<AppDbContext> options) : IdentityDbContext<AppUser>(options)
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
    public DbSet<Certification> Certifications => Set<Certification>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<LearningPath> LearningPaths => Set<LearningPath>();
    public DbSet<LearnerQuestionState> LearnerQuestionStates => Set<LearnerQuestionState>();
    public DbSet<ReviewCard> ReviewCards => Set<ReviewCard>();
    public DbSet<ReviewLog> ReviewLogs => Set<ReviewLog>();
    public DbSet<LearnerSettings> LearnerSettings => Set<LearnerSettings>();
    public DbSet<LearnerActivityDay> LearnerActivityDays => Set<LearnerActivityDay>();
    public DbSet<Learner> Learners => Set<Learner>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcIsoDateTimeConverter>().HaveColumnType("TEXT");
        configurationBuilder.Properties<Difficulty>().HaveConversion<VocabularyConverter<Difficulty>>();
        configurationBuilder.Properties<QuestionStatus>().HaveConversion<VocabularyConverter<QuestionStatus>>();
        configurationBuilder.Properties<WorkQueueStatus>().HaveConversion<VocabularyConverter<WorkQueueStatus>>();
        configurationBuilder.Properties<SessionStatus>().HaveConversion<VocabularyConverter<SessionStatus>>();
        configurationBuilder.Properties<BotRunStatus>().HaveConversion<VocabularyConverter<BotRunStatus>>();
        configurationBuilder.Properties<SessionType>().HaveConversion<VocabularyConverter<SessionType>>();
        configurationBuilder.Properties<CardState>().HaveConversion<VocabularyConverter<CardState>>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(Assembly.GetExecutingAssembly());
        ApplyDesignNaming(builder.Model);
        if (Database.IsSqlite())
        {
            AddSqliteCheckConstraints(builder);
        }
    }

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

    /// <summary>The database itself rejects invalid JSON and unknown enumeration values.</summary>
    private static void AddSqliteCheckConstraints(ModelBuilder builder)
    {
        var enums = new Dictionary<Type, IReadOnlyList<string>>
        {
            [typeof(Difficulty)] = Vocabulary.Values<Difficulty>(),
            [typeof(QuestionStatus)] = Vocabulary.Values<QuestionStatus>(),
            [typeof(WorkQueueStatus)] = Vocabulary.Values<WorkQueueStatus>(),
            [typeof(SessionStatus)] = Vocabulary.Values<SessionStatus>(),
            [typeof(BotRunStatus)] = Vocabulary.Values<BotRunStatus>(),
            [typeof(SessionType)] = Vocabulary.Values<SessionType>(),
            [typeof(CardState)] = Vocabulary.Values<CardState>(),
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
