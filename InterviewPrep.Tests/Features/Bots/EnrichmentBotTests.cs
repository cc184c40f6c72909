using InterviewPrep.Data.Bots;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Bots;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Features.Bots;

/// <summary>The optional enrichment bot with a stand-in language model, and the app with and without a model configured.</summary>
public sealed class EnrichmentBotTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(_clock);

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Answers as a model would: a TL;DR or an ELI5, or, for one question, with a preamble.</summary>
    private sealed class StandInModel : IChatClient
    {
        public List<string> Asked { get; } = [];

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var prompt = messages.Last().Text;
            Asked.Add(prompt);
            var tldr = prompt.StartsWith("Write a TL;DR", StringComparison.Ordinal);
            var text = tldr && prompt.Contains("chatty", StringComparison.Ordinal) ? "Sure! Here is a TL;DR for you: indexes are fast."
                : tldr ? "A B-tree keeps keys sorted in pages, so a lookup reads one page per level."
                : "Think of a library card catalogue: instead of walking every shelf, you look up the card, and it tells you exactly where the book is.";
            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, text)));
        }

        public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    [Fact]
    public async Task TheModelsTextIsProposedForReview_AndAnUnusableAnswerIsTriedAgainLater()
    {
        var admin = new ChangeSource(HistoryEventSources.Admin, "ann");
        foreach (var (id, text) in new[] { ("plain", "How does a B-tree index find a row?"), ("chatty", "How does a chatty index find a row?") })
        {
            await _db.Changes.UpsertAsync(new QuestionData
            {
                Id = id, Text = text, Answer = "It walks from the root page to a leaf, one page per level, comparing keys.",
                Channel = "database", SubChannel = "indexes", Difficulty = Difficulty.Beginner,
            }, admin, Ct);
        }

        var queue = new WorkQueue(_db.Factory, _clock);
        var edits = new BotEdits(_db.Factory, _db.Changes, queue, _clock);
        var model = new StandInModel();
        var bot = new EnrichmentBot(_db.Factory, queue, edits, model, Options.Create(new EnrichmentOptions { Endpoint = "http://127.0.0.1:9/v1", Model = "stand-in" }));
        var runner = new BotRunner([new QualityBot(_db.Factory, queue), bot], _db.Factory, new BotSettings(_db.Factory, _clock), queue, _clock, NullLogger<BotRunner>.Instance);
        await runner.RunAsync(QualityBot.BotName, Ct);

        var run = await runner.RunAsync(EnrichmentBot.BotName, Ct);

        Assert.Equal(4, model.Asked.Count);
        Assert.Equal(3, run!.ItemsCreated);
        await using var db = _db.CreateContext();
        var proposals = await db.BotProposals.AsNoTracking().OrderBy(p => p.Id).ToListAsync(Ct);
        Assert.Equal(["chatty:eli5", "plain:eli5", "plain:tldr"], proposals.Select(p => $"{p.ItemId}:{p.After.Single().Key}").Order());
        Assert.Null((await db.Questions.SingleAsync(q => q.Id == "plain", Ct)).Tldr);
        var failed = await db.WorkQueue.SingleAsync(w => w.ItemId == "chatty" && w.Action == "write-tldr", Ct);
        Assert.Equal(WorkQueueStatus.Retrying, failed.Status);
        Assert.Contains("preamble", failed.LastError);

        Assert.True((await edits.ApproveAsync(proposals.Single(p => p.ItemId == "plain" && p.After.ContainsKey("tldr")).Id, "ann", Ct)).Applied);
        Assert.StartsWith("A B-tree keeps keys sorted", (await db.Questions.AsNoTracking().SingleAsync(q => q.Id == "plain", Ct)).Tldr);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("http://127.0.0.1:9/v1", true)]
    public async Task TheBotIsThereOnlyWhenAModelIsConfigured(string? endpoint, bool there)
    {
        var settings = new Dictionary<string, string?> { ["Admin:Email"] = AppFactory.AdminEmail, ["Admin:Password"] = AppFactory.AdminPassword };
        if (endpoint is not null)
        {
            (settings["Bots:Enrichment:Endpoint"], settings["Bots:Enrichment:Model"]) = (endpoint, "stand-in");
        }

        await using var app = new AppFactory(settings: settings);
        var bots = app.Services.GetRequiredService<BotRunner>().Bots.Select(b => b.Name);

        Assert.Equal(there, bots.Contains(EnrichmentBot.BotName));
    }
}
