using InterviewPrep.Data.Content;
using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Certifications;

/// <summary>Domains written to a certification's mappings on the real database: placed, kept when an admin chose, and recorded.</summary>
public sealed class CertificationDomainsTests : IAsyncLifetime
{
    private static readonly ChangeSource Seed = new(HistoryEventSources.Import, "seed");
    private TestDatabase _db = null!;
    private CertificationDomains _domains = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        _domains = new CertificationDomains(_db.Factory);
        await using (var db = _db.CreateContext())
        {
            db.Certifications.Add(new Certification
            {
                Id = "cka", Name = "Certified Kubernetes Administrator", Provider = "CNCF", Description = "Kubernetes administration.", Category = "cloud",
                ChannelMappings = [new CertificationChannelMapping("kubernetes", null, 100)],
                Domains = [new("storage", "Storage", 40), new("services", "Services and Networking", 60)],
            });
            await db.SaveChangesAsync();
        }

        // One in the certification's own channel, two drawn from another channel, one that fits neither domain.
        await Add("own-1", "cka", "How does a PersistentVolumeClaim bind to storage?", "A claim requests storage; it binds to a volume.");
        await Add("k-1", "kubernetes", "What does a ClusterIP Service do for networking?", "It gives pods a stable virtual IP inside the cluster network.");
        await Add("k-2", "kubernetes", "How do NodePort Services expose pods?", "Each node opens a port and forwards to the Service.");
        await Add("k-3", "kubernetes", "Who maintains the project?", "A community of contributors.");
        await using (var db = _db.CreateContext())
        {
            // The question of the certification's own channel is mapped to it by its own mapping.
            Assert.Equal(4, await db.ChannelMappings.CountAsync(m => m.ChannelId == "cka"));
        }
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private Task Add(string id, string channel, string text, string answer) =>
        _db.Changes.UpsertAsync(new QuestionData { Id = id, Text = text, Answer = answer, Channel = channel, SubChannel = "general" }, Seed);

    private async Task<Dictionary<string, ChannelMapping>> MappingsAsync()
    {
        await using var db = _db.CreateContext();
        return await db.ChannelMappings.AsNoTracking().Where(m => m.ChannelId == "cka").ToDictionaryAsync(m => m.QuestionId);
    }

    [Fact]
    public async Task Assign_PlacesEachMappedQuestion_WithItsConfidence_AndLeavesTheQuestionsAsTheyAre()
    {
        var run = (await _domains.AssignAsync("cka"))!;

        var mappings = await MappingsAsync();
        Assert.Equal(("storage", "services", "services", "general"),
            (mappings["own-1"].SubChannel, mappings["k-1"].SubChannel, mappings["k-2"].SubChannel, mappings["k-3"].SubChannel));
        Assert.All(mappings.Values, m => Assert.NotNull(m.DomainConfidence));
        Assert.Equal((4, 1), (run.Questions, run.General));
        await using var db = _db.CreateContext();
        Assert.All(await db.Questions.AsNoTracking().ToListAsync(), q => Assert.Equal("general", q.SubChannel));
        Assert.False(await db.QuestionHistory.AnyAsync(h => h.EventType != HistoryEventTypes.Created));
    }

    [Fact]
    public async Task AQuestionOfTheCertificationsOwnChannel_KeepsItsDomainWhenItsSubChannelIsEdited_AndLosesItWhenItLeaves()
    {
        await _domains.AssignAsync("cka");

        await _db.Changes.BulkAsync(["own-1"], q => q with { SubChannel = "persistence" }, Seed);
        Assert.Equal("storage", (await MappingsAsync())["own-1"].SubChannel);

        await _db.Changes.BulkAsync(["own-1"], q => q with { Channel = "databases" }, Seed);
        await using var db = _db.CreateContext();
        var moved = await db.ChannelMappings.AsNoTracking().SingleAsync(m => m.QuestionId == "own-1");
        Assert.Equal(("databases", "persistence", (double?)null), (moved.ChannelId, moved.SubChannel, moved.DomainConfidence));
    }

    [Fact]
    public async Task ADomainAnAdminChose_IsNeverChangedByARun()
    {
        await using (var db = _db.CreateContext())
        {
            var mapping = await db.ChannelMappings.SingleAsync(m => m.ChannelId == "cka" && m.QuestionId == "k-1");
            (mapping.SubChannel, mapping.DomainAssignedBy) = ("storage", "ada@example.test");
            await db.SaveChangesAsync();
        }

        var run = (await _domains.AssignAsync("cka"))!;

        Assert.Equal(1, run.LeftByAdmins);
        var kept = (await MappingsAsync())["k-1"];
        Assert.Equal(("storage", "ada@example.test"), (kept.SubChannel, kept.DomainAssignedBy));
    }

    [Fact]
    public async Task OnlyUnassigned_LeavesQuestionsAlreadyInADomain()
    {
        await _domains.AssignAsync("cka");
        await using (var db = _db.CreateContext())
        {
            // A question placed before, whose text now reads otherwise, stays where it is.
            var mapping = await db.ChannelMappings.SingleAsync(m => m.ChannelId == "cka" && m.QuestionId == "k-2");
            mapping.SubChannel = "storage";
            await db.SaveChangesAsync();
        }

        var run = (await _domains.AssignAsync("cka", onlyUnassigned: true))!;

        Assert.Equal("storage", (await MappingsAsync())["k-2"].SubChannel);
        Assert.Equal(0, run.Changed);
    }

    [Fact]
    public async Task AnImport_PlacesNewCertificationQuestionsInDomains()
    {
        using var folder = new TempFolder();
        folder.Write("kubernetes.json", """[{"id":"k-9","question":"How is a StorageClass used for storage provisioning?","answer":"A claim names it.","channel":"kubernetes","subChannel":"storage","difficulty":"beginner"}]""");

        var report = await _db.Importer.ImportAsync([folder.Path]);

        Assert.Equal("storage", (await MappingsAsync())["k-9"].SubChannel);
        Assert.Contains(report.Notes, n => n.StartsWith("cka:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Summary_CountsEachDomain_AndCallsOutOneTooShortForAFullExam_AndAnAdminsMoveSticks()
    {
        await using (var db = _db.CreateContext())
        {
            (await db.Certifications.SingleAsync(c => c.Id == "cka")).QuestionCount = 4;
            await db.SaveChangesAsync();
        }

        await _domains.AssignAsync("cka");
        Assert.True(await _domains.SetDomainAsync("cka", "k-3", "storage", "ada@example.test"));
        Assert.False(await _domains.SetDomainAsync("cka", "k-3", "no-such-domain", "ada@example.test"));

        var summary = (await _domains.SummaryAsync("cka"))!;

        var storage = summary.Domains.Single(d => d.Id == "storage");
        var services = summary.Domains.Single(d => d.Id == "services");
        // A 4-question exam draws 2 (40 %) from storage and 3 (60 %, rounded up) from services.
        Assert.Equal((2, 2, false), (storage.Questions, storage.NeededForFullExam, storage.TooFew));
        Assert.Equal((2, 3, true), (services.Questions, services.NeededForFullExam, services.TooFew));
        Assert.Equal("ada@example.test", summary.Questions.Single(q => q.QuestionId == "k-3").AssignedBy);
        await _domains.AssignAsync("cka");
        Assert.Equal("storage", (await MappingsAsync())["k-3"].SubChannel);

        var row = Assert.Single(await _domains.OverviewAsync());
        Assert.Equal((4, 0, 2, 1), (row.Questions, row.General, row.Domains, row.ShortDomains));
    }
}
