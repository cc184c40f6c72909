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

    [Fact]
    public async Task ABackupTakenWhileWritersGoOn_RestoresEveryAcknowledgedWrite_AndNoHalfWrittenOne()
    {
        var backups = new Backups(_db.Factory, TimeProvider.System);
        for (var i = 0; i < 50; i++)
        {
            await WriteAsync($"before-{i:D3}");
        }

        // Writers go on during the backup; each write is a question and its history row in one transaction.
        using var stop = new CancellationTokenSource();
        var during = new ConcurrentBag<string>();
        var writer = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                await WriteAsync($"during-{i:D4}");
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
        var ids = (await restored.Questions.Select(q => q.Id).ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        Assert.All(Enumerable.Range(0, 50), i => Assert.Contains($"before-{i:D3}", ids));
        // Consistent: every question restored has its history row, and the writes after the snapshot are not half there.
        var withHistory = (await restored.QuestionHistory.Select(h => h.QuestionId).Distinct().ToListAsync(Ct)).ToHashSet(StringComparer.Ordinal);
        Assert.All(ids, id => Assert.Contains(id, withHistory));
        Assert.Equal(manifest.Rows["questions"], ids.Count);
        Assert.Equal((await restored.Database.GetAppliedMigrationsAsync(Ct)).Last(), manifest.Migration);
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
