using Bunit;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Study;
using InterviewPrep.Data.Content.Search;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Components;

/// <summary>The channels page: the filter box, and a signed-in learner's progress per channel.</summary>
public sealed class ChannelsPageTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Filter_SentWithThePage_NarrowsTheChannels_AndKeepsItsText()
    {
        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization();
            c.Services.AddSingleton(new ChannelCatalog(_db.Factory));
        });

        var all = ctx.Render<ChannelsPage>();
        all.WaitForAssertion(() => Assert.Equal(8, all.FindAll("[data-testid=channel-card]").Count));

        var navigation = ctx.Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        navigation.NavigateTo("channels?filter=.NET");
        var page = ctx.Render<ChannelsPage>();

        page.WaitForAssertion(() => Assert.Equal(["dotnet"], page.FindAll("[data-testid=channel-card]").Select(c => c.GetAttribute("data-channel"))));
        Assert.Equal(".NET", page.Find("[data-testid=channel-filter]").GetAttribute("value"));
    }

    [Fact]
    public async Task SignedInLearner_SeesTheirProgressPerChannel()
    {
        var catalog = new ChannelCatalog(_db.Factory);
        var study = _db.StudyService();
        await study.RecordStudiedAsync("learner-1", "ip-db-001");
        await study.RecordStudiedAsync("learner-1", "ip-db-002");
        await study.RecordStudiedAsync("learner-1", "ip-db-002");
        await study.RecordSeenAsync("learner-1", "ip-db-003"); // viewed only: not studied

        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization().SetAuthorized("learner-1").SetClaims(new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, "learner-1"));
            c.Services.AddSingleton(catalog);
        });

        var page = ctx.Render<ChannelsPage>();

        page.WaitForAssertion(() => Assert.Contains("Studied 2 of 8", page.Find("[data-channel=databases] [data-testid=channel-progress]").TextContent));
        Assert.Single(page.FindAll("[data-testid=channel-progress]"));
    }
}
