using System.Collections.Concurrent;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Operations;
using InterviewPrep.Data.Providers;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Operations;

/// <summary>Backups taken while writers go on, restored elsewhere and checked; and the restores that must be refused.</summary>
public sealed class BackupsTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private TestDatabase _db = null!;
    private readonly List<string> _restoreTargets = [];

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var target in _restoreTargets.Where(_ => _db.Provider == DatabaseProvider.PostgreSQL))
        {
            await TestProvider.DropPostgreSqlDatabaseAsync(target);
        }

        await _db.DisposeAsync();
        _folder.Dispose();
    }

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<string> EmptyTargetAsync()
    {
        var target = _db.Provider == DatabaseProvider.PostgreSQL
            ? await TestProvider.CreateEmptyPostgreSqlDatabaseAsync()
            : $"Data Source={Path.Combine(_folder.Path, $"restored-{Guid.NewGuid():N}.db")}";
        _restoreTargets.Add(target);
        return target;
    }

    private Task<ContentChange> WriteAsync(string id) => _db.Changes.UpsertAsync(new QuestionData
    {
        Id = id, Text = $"What does write {id} hold?", Answer = "A question and its history row, written in one transaction.",
        Channel = "database", SubChannel = "general", Difficulty = Difficulty.Beginner,
    }, new ChangeSource(HistoryEventSources.Admin, "writer"), Ct);

    private const string Learner = "drill-learner";

    /// <summary>A question (with its history row), and the learner's progress on it: studied, a graded review card, a session.</summary>
    private async Task WriteWithProgressAsync(string id)
    {
        await WriteAsync(id);
        await _db.StudyService().RecordStudiedAsync(Learner, id, Ct);
        var reviews = _db.ReviewService();
        await reviews.AddAsync(Learner, id, Ct);
        await reviews.GradeAsync(Learner, id, InterviewPrep.Web.Features.Review.Grade.Good, TimeSpan.FromSeconds(4), Ct);
        await new InterviewPrep.Web.Features.Sessions.SessionService(_db.Factory, TimeProvider.System).StartOrResumeAsync(
            new InterviewPrep.Web.Features.Sessions.SessionStart(Learner, SessionType.Channel, $"study/{id}", id, null, [id]), Ct);
    }

    /// <summary>Every row of a table as JSON, by its key: what a checksum of the table is taken over.</summary>
    private static async Task<Dictionary<string, string>> RowsAsync<T>(InterviewPrep.Data.AppDbContext db, Func<T, string> key, CancellationToken ct)
        where T : class =>
        (await db.Set<T>().AsNoTracking().ToListAsync(ct)).ToDictionary(key, row => System.Text.Json.JsonSerializer.Serialize(row), StringComparer.Ordinal);

    private static string Checksum(IEnumerable<KeyValuePair<string, string>> rows) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Encoding.UTF8.GetBytes(string.Join('\n', rows.OrderBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key + "=" + r.Value)))));

    [Fact]
    public async Task ABackupTakenWhileWritersGoOn_RestoresEveryAcknowledgedWrite_AndNoHalfWrittenOne()
    {
        var backups = new Backups(_db.Factory, TimeProvider.System);
        for (var i = 0; i < 30; i++)
        {
            await WriteWithProgressAsync($"before-{i:D3}");
        }

        // Writers go on during the backup: content (a question and its history row in one transaction) and progress.
        using var stop = new CancellationTokenSource();
        var during = new ConcurrentBag<string>();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await WriteWithProgressAsync($"during-{i:D4}");
                during.Add($"during-{i:D4}");
            }
        }, Ct);
        await Task.Delay(100, Ct);
        var manifest = await backups.CreateAsync(_folder.Path, Ct);
        await stop.CancelAsync();
        await writer;

        var target = await EmptyTargetAsync();
        var outcome = await backups.RestoreAsync(Path.Combine(_folder.Path, manifest.File), target, ct: Ct);

        Assert.True(outcome.Restored, outcome.Message);
        Assert.NotEmpty(during);
        Assert.Equal(manifest.Rows, outcome.Rows);
        var options = new DbContextOptionsBuilder<InterviewPrep.Data.AppDbContext>()
            .UseDatabase(_db.Provider, target, TimeProvider.System)
            .UseApplicationServiceProvider(InterviewPrep.Data.DesignTimeDbContextFactory.IdentityServices)
            .Options;
        await using var restored = new InterviewPrep.Data.AppDbContext((DbContextOptions<InterviewPrep.Data.AppDbContext>)options);
        await using var source = _db.CreateContext();
        var ids = (await restored.Questions.Select(q => q.Id).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        var studied = (await restored.LearnerQuestionStates.Where(s => s.LearnerId == Learner).Select(s => s.QuestionId).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        var cards = (await restored.ReviewCards.Where(c => c.LearnerId == Learner).Select(c => c.QuestionId).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, 30).Select(i => $"before-{i:D3}"), id =>
        {
            Assert.Contains(id, ids);
            Assert.Contains(id, studied);
            Assert.Contains(id, cards);
        });

        // Consistent: every question restored has its history row, and the writes after the snapshot are not half there.
        var withHistory = (await restored.QuestionHistory.Select(h => h.QuestionId).Distinct().ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        Assert.All(ids, id => Assert.Contains(id, withHistory));
        Assert.Equal(manifest.Rows["questions"], ids.Count);
        Assert.Equal((await restored.Database.GetAppliedMigrationsAsync(Ct)).Last(), manifest.Migration);

        // Equal: each restored row is the source's row, byte for byte. Content rows are only ever added, so every one
        // counts; a progress row written while the backup ran may have changed after the snapshot (studied, then graded
        // a moment later), so those written before the backup began are compared.
        foreach (var (table, restoredRows, sourceRows) in new[]
        {
            ("questions", await RowsAsync<Question>(restored, q => q.Id, Ct), await RowsAsync<Question>(source, q => q.Id, Ct)),
            ("questionHistory", await RowsAsync<QuestionHistory>(restored, h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct),
                await RowsAsync<QuestionHistory>(source, h => h.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)),
            ("learnerQuestionStates", await RowsAsync<LearnerQuestionState>(restored, s => s.LearnerId + "/" + s.QuestionId, Ct),
                await RowsAsync<LearnerQuestionState>(source, s => s.LearnerId + "/" + s.QuestionId, Ct)),
            ("reviewCards", await RowsAsync<ReviewCard>(restored, c => c.LearnerId + "/" + c.QuestionId, Ct),
                await RowsAsync<ReviewCard>(source, c => c.LearnerId + "/" + c.QuestionId, Ct)),
            ("userSessions", await RowsAsync<UserSession>(restored, u => u.Id, Ct), await RowsAsync<UserSession>(source, u => u.Id, Ct)),
        })
        {
            var compared = table is "questions" or "questionHistory"
                ? restoredRows
                : restoredRows.Where(r => r.Key.Contains("before-", StringComparison.Ordinal) || r.Value.Contains("study/before-", StringComparison.Ordinal))
                    .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);
            Assert.True(compared.Count >= 30, $"{table}: {compared.Count} rows compared");
            Assert.All(compared.Keys, key => Assert.True(sourceRows.ContainsKey(key), $"{table} row {key} is not in the source"));
            var differing = compared.Where(r => r.Value != sourceRows[r.Key]).Select(r => $"{r.Key}: {r.Value} vs {sourceRows[r.Key]}").FirstOrDefault();
            Assert.True(differing is null, $"{table}: {differing}");
            Assert.Equal(Checksum(compared), Checksum(compared.Select(r => new KeyValuePair<string, string>(r.Key, sourceRows[r.Key]))));
        }
    }

    [Fact]
    public async Task ARestore_IsRefused_IntoADatabaseWithContent_OrFromADamagedFile_OrWithoutItsManifest()
    {
        var backups = new Backups(_db.Factory, TimeProvider.System);
        var manifest = await backups.CreateAsync(_folder.Path, Ct);
        var file = Path.Combine(_folder.Path, manifest.File);

        var intoItself = await backups.RestoreAsync(file, ct: Ct);
        Assert.False(intoItself.Restored);
        Assert.Contains("--replace", intoItself.Message);

        var damaged = Path.Combine(_folder.Path, "damaged" + Path.GetExtension(file));
        var bytes = await File.ReadAllBytesAsync(file, Ct);
        bytes[bytes.Length / 2] ^= 0xFF;
        await File.WriteAllBytesAsync(damaged, bytes, Ct);
        File.Copy(BackupManifest.PathFor(file), BackupManifest.PathFor(damaged));
        var fromDamaged = await backups.RestoreAsync(damaged, await EmptyTargetAsync(), ct: Ct);
        Assert.False(fromDamaged.Restored);
        Assert.Contains("checksum", fromDamaged.Message);

        File.Delete(BackupManifest.PathFor(damaged));
        Assert.Contains("manifest", (await backups.RestoreAsync(damaged, await EmptyTargetAsync(), ct: Ct)).Message);
    }
}
