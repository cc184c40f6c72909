using InterviewPrep.Data.Content.Certifications;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Creating and editing certifications on real SQLite with the starter content.</summary>
public sealed class AdminCertificationsTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private AdminCertifications _certifications = null!;
    private CertificationDomains _domains = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
        _domains = new CertificationDomains(_db.Factory);
        _certifications = new AdminCertifications(_db.Factory, _domains);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static CertificationForm Valid() => new()
    {
        Id = "data-stores", Name = "Data Stores Practitioner", Provider = "InterviewPrep", Description = "Databases in depth.",
        Category = "Data", QuestionCount = 40, ExamDuration = 60, PassingScore = 70, EstimatedHours = 20,
        Domains =
        [
            new DomainRow { Id = "indexing-and-queries", Name = "Indexing and queries", Weight = 60 },
            new DomainRow { Id = "transactions-and-replication", Name = "Transactions and replication", Weight = 40 },
        ],
        Feeds = [new FeedRow { ChannelId = "databases" }],
    };

    [Fact]
    public void EveryRuleSpeaksAtItsField()
    {
        var form = Valid();
        form.Id = "Data Stores";
        form.Name = " ";
        form.PassingScore = 101;
        form.ExamDuration = 0;
        form.QuestionCount = 0;
        form.Status = "gone";
        form.OfficialUrl = "javascript:alert(1)";
        form.Domains[0].Weight = 50;
        form.Domains[1].Id = "general";
        form.Domains.Add(new DomainRow { Id = "indexing-and-queries", Name = "", Weight = 0 });
        form.Feeds.Add(new FeedRow { ChannelId = "", Weight = 0 });

        var errors = AdminCertifications.Validate(form);

        Assert.Contains("lower-case", errors[nameof(CertificationForm.Id)]);
        Assert.Equal("A name is required.", errors[nameof(CertificationForm.Name)]);
        Assert.Contains("0 to 100", errors[nameof(CertificationForm.PassingScore)]);
        Assert.Contains("minutes", errors[nameof(CertificationForm.ExamDuration)]);
        Assert.Contains("real exam", errors[nameof(CertificationForm.QuestionCount)]);
        Assert.Contains("active, beta, retired", errors[nameof(CertificationForm.Status)]);
        Assert.Contains("https://", errors[nameof(CertificationForm.OfficialUrl)]);
        Assert.Equal("The weights sum to 90; they must sum to 100.", errors[nameof(CertificationForm.Domains)]);
        Assert.Contains("kept for questions in no domain", errors["Domains[1].Id"]);
        Assert.Contains("already a domain", errors["Domains[2].Id"]);
        Assert.True(errors.ContainsKey("Domains[2].Name"));
        Assert.True(errors.ContainsKey("Domains[2].Weight"));
        Assert.True(errors.ContainsKey("Feeds[1].ChannelId"));
        Assert.True(errors.ContainsKey("Feeds[1].Weight"));
        Assert.Empty(AdminCertifications.Validate(Valid()));
    }

    [Fact]
    public async Task ANewCertification_MapsItsChannelsQuestions_AndPlacesThemInItsDomains()
    {
        var (errors, saved) = await _certifications.SaveAsync(Valid(), isNew: true);

        Assert.Empty(errors);
        await using var db = _db.CreateContext();
        var active = await db.Questions.CountAsync(q => q.Channel == "databases" && q.Status == QuestionStatus.Active);
        Assert.Equal(active, saved!.Mapped);
        var mappings = await db.ChannelMappings.Where(m => m.ChannelId == "data-stores").ToListAsync();
        Assert.Equal(active, mappings.Count);
        Assert.Contains(mappings, m => m.SubChannel == "indexing-and-queries");
        Assert.All(mappings, m => Assert.NotNull(m.DomainConfidence));
        var stored = await db.Certifications.SingleAsync(c => c.Id == "data-stores");
        Assert.Equal(40, stored.QuestionCount);
        Assert.Equal("databases", Assert.Single(stored.ChannelMappings!).ChannelId);

        var (again, _) = await _certifications.SaveAsync(Valid(), isNew: true);
        Assert.Contains("already", again[nameof(CertificationForm.Id)]);
    }

    [Fact]
    public async Task AnUnknownChannel_IsRefusedAtItsRow_AndNothingIsWritten()
    {
        var form = Valid();
        form.Feeds[0].ChannelId = "no-such-channel";

        var (errors, saved) = await _certifications.SaveAsync(form, isNew: true);

        Assert.Null(saved);
        Assert.Equal("There is no channel 'no-such-channel'.", errors["Feeds[0].ChannelId"]);
        await using var db = _db.CreateContext();
        Assert.False(await db.Certifications.AnyAsync(c => c.Id == "data-stores"));
    }

    [Fact]
    public async Task RemovingADomain_PlacesItsQuestionsAgain_ButAnAdminsPlacementInAKeptDomainStays()
    {
        await _certifications.SaveAsync(Valid(), isNew: true);
        await using (var db = _db.CreateContext())
        {
            var kept = await db.ChannelMappings.FirstAsync(m => m.ChannelId == "data-stores" && m.SubChannel == "indexing-and-queries");
            Assert.True(await _domains.SetDomainAsync("data-stores", kept.QuestionId, "transactions-and-replication", "admin@example.test"));
        }

        var form = (await _certifications.GetAsync("data-stores"))!;
        form.Domains = [form.Domains[1] , new DomainRow { Id = "storage-engines", Name = "Storage engines", Weight = 0 }];
        form.Domains[0].Weight = 70;
        form.Domains[1].Weight = 30;
        form.PassingScore = 65;

        var (errors, saved) = await _certifications.SaveAsync(form, isNew: false);

        Assert.Empty(errors);
        Assert.True(saved!.Replaced > 0);
        await using var check = _db.CreateContext();
        var mappings = await check.ChannelMappings.Where(m => m.ChannelId == "data-stores").ToListAsync();
        Assert.DoesNotContain(mappings, m => m.SubChannel == "indexing-and-queries");
        Assert.Contains(mappings, m => m.DomainAssignedBy == "admin@example.test" && m.SubChannel == "transactions-and-replication");
        Assert.Equal(65, (await check.Certifications.SingleAsync(c => c.Id == "data-stores")).PassingScore);
    }
}
