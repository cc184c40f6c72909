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
    public async Task FilterBox_NarrowsTheChannelsAsYouType()
    {
        await using var ctx = ComponentTestContext.Create(c =>
        {
            c.AddAuthorization();
            c.Services.AddSingleton(new ChannelCatalog(_db.Factory));
        });

        var page = ctx.Render<ChannelsPage>();
        page.WaitForAssertion(() => Assert.Equal(8, page.FindAll("[data-testid=channel-card]").Count));

        page.Find(".channel-filter input").Input(".NET");

        page.WaitForAssertion(() => Assert.Equal(["dotnet"], page.FindAll("[data-testid=channel-card]").Select(c => c.GetAttribute("data-channel"))));
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
