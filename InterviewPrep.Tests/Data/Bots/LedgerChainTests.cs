using System.Text.Json.Nodes;
using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Data.Bots;

/// <summary>The bot ledger's hash chain on the real database: intact as written, and any change, removal or insertion named.</summary>
public sealed class LedgerChainTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_clock);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private async Task<List<int>> WriteAsync(int count)
    {
        await using var db = _db.CreateContext();
        await using var tx = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        var entries = new List<BotLedgerEntry>();
        for (var i = 0; i < count; i++)
        {
            entries.Add(await LedgerChain.AppendAsync(db, new BotLedgerEntry
            {
                BotName = "diagram-repair", Action = "update", ItemType = "question", ItemId = $"q-{i}",
                BeforeState = new JsonObject { ["diagram"] = "A[Start (here)] --> B", ["score"] = 1.50, ["tags"] = new JsonArray("a", "b") },
                AfterState = new JsonObject { ["diagram"] = "A[\"Start (here)\"] --> B", ["score"] = 2, ["tags"] = new JsonArray("a", "b") },
                Reason = "quoted a label with parentheses", CreatedAt = _clock.Now.UtcDateTime.AddTicks(1234),
            }, TestContext.Current.CancellationToken));
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        await tx.CommitAsync(TestContext.Current.CancellationToken);
        return entries.Select(e => e.Id).ToList();
    }

    private async Task<LedgerVerification> VerifyAsync()
    {
        await using var db = _db.CreateContext();
        return await LedgerChain.VerifyAsync(db, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task ALedgerAsWritten_Verifies_AcrossTransactions()
    {
        await WriteAsync(3);
        await WriteAsync(2);

        var verified = await VerifyAsync();

        Assert.True(verified.Intact, verified.Problem);
        Assert.Equal(5, verified.Entries);
    }

    [Fact]
    public async Task AChangedEntry_IsNamed()
    {
        var ids = await WriteAsync(4);
        await using (var db = _db.CreateContext())
        {
            // Someone with database access "fixes" what a bot did.
            await db.BotLedger.Where(e => e.Id == ids[2])
                .ExecuteUpdateAsync(u => u.SetProperty(e => e.Reason, "nothing to see"), TestContext.Current.CancellationToken);
        }

        var verified = await VerifyAsync();

        Assert.Equal(ids[2], verified.BrokenEntryId);
        Assert.Contains("changed after it was written", verified.Problem);
    }

    [Fact]
    public async Task ARemovedEntry_IsNamedByTheOneAfterIt()
    {
        var ids = await WriteAsync(4);
        await using (var db = _db.CreateContext())
        {
            await db.BotLedger.Where(e => e.Id == ids[1]).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var verified = await VerifyAsync();

        Assert.Equal(ids[2], verified.BrokenEntryId);
        Assert.Contains($"does not follow entry #{ids[0]}", verified.Problem);
    }

    [Fact]
    public void TheHash_ReadsTheSameJsonTheSameWay_WhateverTheKeyOrderOrNumberSpelling()
    {
        Assert.Equal(
            LedgerChain.Canonical(JsonNode.Parse("""{"b": 1.50, "a": [1, {"y": true, "x": null}]}""")),
            LedgerChain.Canonical(JsonNode.Parse("""{"a": [1.0, {"x": null, "y": true}], "b": 1.5}""")));
        Assert.NotEqual(LedgerChain.Canonical(JsonNode.Parse("""{"a": "1"}""")), LedgerChain.Canonical(JsonNode.Parse("""{"a": 1}""")));
    }
}
