using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>The starter content: enough of everything, all valid, seeded once.</summary>
public sealed class StarterContentTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Seed_ImportsAllStarterContentWithoutARejectedRow()
    {
        var report = await _db.Initializer(seed: true).SeedAsync();

        Assert.NotNull(report);
        Assert.Equal(0, report.Rejected);
        Assert.Equal(0, report.FailedFiles);
        Assert.All(report.Files, f => Assert.Empty(f.Warnings));

        await using var db = _db.CreateContext();
        var questions = await db.Questions.ToListAsync();
        Assert.True(await db.Channels.CountAsync() >= 8);
        Assert.True(questions.Select(q => q.Channel).Distinct().Count() >= 8);
        Assert.True(questions.Count >= 60);
        Assert.All(questions, q =>
        {
            Assert.False(string.IsNullOrWhiteSpace(q.Answer));
            Assert.False(string.IsNullOrWhiteSpace(q.Explanation));
            Assert.False(string.IsNullOrWhiteSpace(q.Tldr));
            Assert.NotEmpty(q.Tags!);
            Assert.NotEmpty(q.Companies!);
        });
        Assert.True(questions.Count(q => q.Eli5 is not null) >= 20);
        Assert.True(questions.Count(q => q.Diagram is not null) >= 15);
        Assert.True(questions.Count(q => q.VoiceKeywords is { Count: >= 4 }) >= 20);
        Assert.True(questions.Count(q => q.Explanation.Contains("```")) >= 30);

        var certifications = await db.Certifications.ToListAsync();
        Assert.True(certifications.Count >= 3);
        Assert.All(certifications, c =>
        {
            Assert.Equal(100, c.Domains!.Sum(d => d.Weight));
            Assert.NotEmpty(c.ChannelMappings!);
        });
        var paths = await db.LearningPaths.ToListAsync();
        Assert.True(paths.Count >= 3);
        Assert.All(paths, p => Assert.Equal(p.QuestionIds, p.Milestones!.SelectMany(m => m.QuestionIds!)));
        Assert.True(await db.VoiceSessions.CountAsync() >= 3);
        Assert.True(await db.QuestionRelationships.CountAsync() >= 30);
    }

    [Fact]
    public async Task Seed_RunsOnlyIntoAnEmptyDatabase()
    {
        Assert.NotNull(await _db.Initializer(seed: true).SeedAsync());
        await _db.Changes.SoftDeleteAsync("ip-algo-001", new ChangeSource(HistoryEventSources.Admin, "admin"));

        Assert.Null(await _db.Initializer(seed: true).SeedAsync());

        await using var db = _db.CreateContext();
        Assert.Equal(QuestionStatus.Deleted, (await db.Questions.SingleAsync(q => q.Id == "ip-algo-001")).Status);
    }

    [Fact]
    public async Task Seed_CanBeTurnedOff()
    {
        Assert.Null(await _db.Initializer(seed: false).SeedAsync());
        await using var db = _db.CreateContext();
        Assert.False(await db.Questions.AnyAsync());
    }

    [Fact]
    public async Task StarterContent_ImportedTwice_ChangesNothing()
    {
        await _db.Initializer(seed: true).SeedAsync();
        var again = await _db.Importer.ImportAsync([DatabaseInitializer.DefaultStarterContentPath]);
        Assert.False(again.ChangedAnything);
        Assert.Equal(0, again.Rejected);
    }
}
