using Bunit;
using Bunit.TestDoubles;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Components.Pages;
using InterviewPrep.Web.Features.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The home page over a real database: channel metadata from content, fallbacks for channels without it.</summary>
public sealed class HomePageComponentTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private static QuestionData Question(string id, string channel, Difficulty difficulty) => new()
    {
        Id = id, Text = $"Question {id}", Answer = "Answer", Channel = channel, SubChannel = "general", Difficulty = difficulty,
    };

    [Fact]
    public async Task Home_GroupsChannelsByCategory_AndNamesUnknownChannelsReadably()
    {
        var source = new ChangeSource(HistoryEventSources.System, "test");
        await _db.Changes.UpsertAsync(Question("q-1", "databases", Difficulty.Beginner), source);
        await _db.Changes.UpsertAsync(Question("q-2", "databases", Difficulty.Expert), source);
        await _db.Changes.UpsertAsync(Question("q-3", "aws-saa", Difficulty.Advanced), source);
        await _db.Changes.UpsertAsync(Question("q-4", "databases", Difficulty.Beginner), source);
        await _db.Changes.SoftDeleteAsync("q-4", source);
        await using (var db = _db.CreateContext())
        {
            db.Channels.Add(new Channel { Id = "databases", Name = "Databases", Category = "Data", Description = "Tables." });
            await db.SaveChangesAsync();
        }

        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization();
            c.Services.AddSingleton(new ChannelCatalog(_db.Factory));
            c.Services.AddSingleton(new InterviewPrep.Web.Features.Sessions.SessionService(_db.Factory, TimeProvider.System));
            c.Services.AddSingleton(_db.ReviewService());
        });

        var home = ctx.Render<Home>();

        home.WaitForAssertion(() => Assert.Equal(2, home.FindAll("[data-testid=channel-card]").Count));
        var headings = home.FindAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Equal(["Data", ChannelCatalog.UncategorizedName], headings);
        var databases = home.Find("[data-channel=databases]");
        Assert.Contains("Databases", databases.TextContent);
        Assert.Contains("2 questions", databases.TextContent);
        Assert.Contains("AWS SAA", home.Find("[data-channel=aws-saa]").TextContent);
        Assert.Contains("3 questions in 2 channels", home.Find("[data-testid=catalog-summary]").TextContent);
    }

    [Fact]
    public async Task Home_WithNoQuestions_ExplainsHowToImport()
    {
        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization();
            c.Services.AddSingleton(new ChannelCatalog(_db.Factory));
            c.Services.AddSingleton(new InterviewPrep.Web.Features.Sessions.SessionService(_db.Factory, TimeProvider.System));
            c.Services.AddSingleton(_db.ReviewService());
        });

        var home = ctx.Render<Home>();

        home.WaitForAssertion(() => Assert.Contains("There are no questions yet", home.Markup));
    }
}
