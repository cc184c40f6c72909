using System.Text.Json.Nodes;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Content;

/// <summary>
/// A certification's question mappings follow every content change, not only imports: a question
/// created in, moved into, moved out of or restored to a channel a certification draws from.
/// </summary>
public sealed class CertificationMappingTests : IAsyncLifetime
{
    private static readonly ChangeSource Ada = new(HistoryEventSources.Admin, "ada@example.test");
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await using var db = _db.CreateContext();
        db.Certifications.AddRange(
            Certification("cka", new CertificationChannelMapping("kubernetes", null, 100)),
            Certification("aws-saa", new CertificationChannelMapping("aws", ["networking", "storage"], 100)));
        await db.SaveChangesAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static Certification Certification(string id, params CertificationChannelMapping[] sources) => new()
    {
        Id = id, Name = id, Provider = "Test", Description = "A test certification.", Category = "cloud", ChannelMappings = [.. sources],
    };

    private static QuestionData Data(string channel, string subChannel, string id = "q-1") => new()
    {
        Id = id,
        Text = "What does a pod share?",
        Answer = "Network and storage.",
        Explanation = "Containers in a pod share a network namespace.",
        Difficulty = Difficulty.Beginner,
        Channel = channel,
        SubChannel = subChannel,
    };

    private async Task<List<(string Channel, string Sub)>> MappingsAsync(string id = "q-1")
    {
        await using var db = _db.CreateContext();
        return (await db.ChannelMappings.Where(m => m.QuestionId == id).OrderBy(m => m.ChannelId).ToListAsync())
            .Select(m => (m.ChannelId, m.SubChannel)).ToList();
    }

    [Fact]
    public async Task ANewQuestion_InACertificationsChannel_IsMappedToIt()
    {
        await _db.Changes.SaveAsync(Data("kubernetes", "pods"), 0, Ada);
        await _db.Changes.SaveAsync(Data("aws", "compute", "q-2"), 0, Ada);

        Assert.Equal([("cka", "pods"), ("kubernetes", "pods")], await MappingsAsync());
        // aws-saa draws only from two of the channel's sub-channels.
        Assert.Equal([("aws", "compute")], await MappingsAsync("q-2"));
    }

    [Fact]
    public async Task MovingAQuestion_MovesItsCertificationMappings()
    {
        await _db.Changes.SaveAsync(Data("kubernetes", "pods"), 0, Ada);

        await _db.Changes.BulkAsync(["q-1"], q => q with { Channel = "aws", SubChannel = "storage" }, Ada);
        Assert.Equal([("aws", "storage"), ("aws-saa", "storage")], await MappingsAsync());

        // Into a sub-channel the certification does not draw from: out of it.
        await _db.Changes.BulkAsync(["q-1"], q => q with { SubChannel = "compute" }, Ada);
        Assert.Equal([("aws", "compute")], await MappingsAsync());
    }

    [Fact]
    public async Task RevertingAMove_BringsTheMappingBack()
    {
        await _db.Changes.SaveAsync(Data("kubernetes", "pods"), 0, Ada);
        await _db.Changes.SaveAsync(Data("databases", "sql"), 1, Ada);
        Assert.Equal([("databases", "sql")], await MappingsAsync());
        await using var db = _db.CreateContext();
        var move = await db.QuestionHistory.OrderByDescending(h => h.Id).FirstAsync();

        var reverted = await _db.Changes.RevertAsync("q-1", move.Id, (JsonObject)move.BeforeSnapshot!, "Reverted the move", Ada);

        Assert.NotNull(reverted.Saved);
        Assert.Equal([("cka", "pods"), ("kubernetes", "pods")], await MappingsAsync());
    }

    [Fact]
    public async Task ArchivingKeepsTheMapping_AndAQuestionCreatedInactiveIsMappedWhenRestored()
    {
        await _db.Changes.SaveAsync(Data("kubernetes", "pods"), 0, Ada);
        await _db.Changes.BulkAsync(["q-1"], q => q with { Status = QuestionStatus.Archived }, Ada);
        Assert.Contains(("cka", "pods"), await MappingsAsync());

        await _db.Changes.SaveAsync(Data("kubernetes", "nodes", "q-2") with { Status = QuestionStatus.Deleted }, 0, Ada);
        Assert.Equal([("kubernetes", "nodes")], await MappingsAsync("q-2"));
        await _db.Changes.RestoreAsync("q-2", Ada);
        Assert.Equal([("cka", "nodes"), ("kubernetes", "nodes")], await MappingsAsync("q-2"));
    }

    [Fact]
    public async Task MovingIntoTheCertificationsOwnChannel_KeepsOneMapping()
    {
        await _db.Changes.SaveAsync(Data("kubernetes", "pods"), 0, Ada);

        await _db.Changes.BulkAsync(["q-1"], q => q with { Channel = "cka", SubChannel = "workloads" }, Ada);

        Assert.Equal([("cka", "workloads")], await MappingsAsync());
    }
}
