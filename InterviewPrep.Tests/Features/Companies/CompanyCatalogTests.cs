using System.Net;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Companies;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Companies;

/// <summary>Questions by company across channels: one company whatever the spelling, counts and filters, study mode, the pages.</summary>
public sealed class CompanyCatalogTests : IAsyncLifetime
{
    private static readonly ChangeSource Admin = new(HistoryEventSources.Admin, "admin");
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync();

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private CompanyCatalog Catalog() => new(_db.Factory, new ChannelCatalog(_db.Factory));

    private Task SaveAsync(string id, string channel, Difficulty difficulty, params string[] companies) => _db.Changes.UpsertAsync(new QuestionData
    {
        Id = id, Text = $"Question {id}?", Answer = "An answer.", Channel = channel, SubChannel = "general", Difficulty = difficulty, Companies = [.. companies],
    }, Admin);

    [Fact]
    public async Task Companies_AreCountedAcrossChannels_WhateverTheSpelling()
    {
        await SaveAsync("q1", "databases", Difficulty.Beginner, "Goldman Sachs", "Google");
        await SaveAsync("q2", "algorithms", Difficulty.Advanced, "goldman sachs");
        await SaveAsync("q3", "algorithms", Difficulty.Beginner, "Goldman  Sachs ", "Goldman Sachs"); // named twice: one question
        await SaveAsync("q4", "frontend", Difficulty.Beginner);

        var companies = await Catalog().ListAsync();

        var goldman = companies[0];
        Assert.Equal(("goldman-sachs", "Goldman Sachs", 3, 2), (goldman.Slug, goldman.Name, goldman.Questions, goldman.Channels));
        Assert.Equal(("google", 1), (companies[1].Slug, companies[1].Questions));
        Assert.Equal(2, companies.Count);
    }

    [Fact]
    public async Task ACompanysPage_FiltersByChannelAndDifficulty_WithCounts()
    {
        await SaveAsync("q1", "databases", Difficulty.Beginner, "Stripe");
        await SaveAsync("q2", "algorithms", Difficulty.Advanced, "Stripe");
        await SaveAsync("q3", "algorithms", Difficulty.Beginner, "Stripe");

        var all = (await Catalog().GetAsync("stripe", null, null, 1))!;
        Assert.Equal((3, 3), (all.Total, all.Matching));
        Assert.Equal([("algorithms", 2), ("databases", 1)], all.Channels.Select(c => (c.Id, c.Count)));

        var filtered = (await Catalog().GetAsync("stripe", "algorithms", Difficulty.Beginner, 1))!;
        Assert.Equal(["q3"], filtered.Questions.Select(q => q.Id));
        Assert.Equal(1, filtered.Difficulties.Single(d => d.Difficulty == Difficulty.Advanced).Count); // within the channel
        Assert.Null(await Catalog().GetAsync("no-such-company", null, null, 1));
        Assert.Equal(["q3"], (await Catalog().IdsAsync("stripe", "algorithms", Difficulty.Beginner))!.Value.Ids);
    }

    [Theory]
    [InlineData("Goldman Sachs", "goldman-sachs")]
    [InlineData("  AT&T ", "at-t")]
    [InlineData("Booking.com", "booking-com")]
    [InlineData("Zoë", "zoë")]
    public void Slugs_AreLowerCaseWordsJoinedByHyphens(string name, string slug) => Assert.Equal(slug, CompanyCatalog.SlugOf(name));
}

/// <summary>The company pages and their study mode, served by the app.</summary>
public sealed class CompanyPagesTests
{
    [Fact]
    public async Task TheCompanyPages_ListCompanies_FilterTheirQuestions_AndStudyThem()
    {
        await using var app = new AppFactory();
        await app.Services.GetRequiredService<ContentChangeService>().UpsertAsync(new QuestionData
        {
            Id = "company-probe", Text = "How would Quokka Labs shard its ledger?", Answer = "By account.", Channel = "databases", SubChannel = "sharding",
            Difficulty = Difficulty.Advanced, Companies = ["Quokka Labs"],
        }, new ChangeSource("admin", "tests"));
        using var client = app.CreateClient();

        var list = WebUtility.HtmlDecode(await client.GetStringAsync("/companies"));
        Assert.Contains("href=\"companies/quokka-labs\"", list, StringComparison.Ordinal);

        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/companies/quokka-labs?difficulty=advanced"));
        Assert.Contains("How would Quokka Labs shard its ledger?", page, StringComparison.Ordinal);
        Assert.Contains("href=\"study?company=quokka-labs&difficulty=advanced\"", page, StringComparison.Ordinal);

        var study = WebUtility.HtmlDecode(await client.GetStringAsync("/study?company=quokka-labs&difficulty=advanced"));
        Assert.Contains("How would Quokka Labs shard its ledger?", study, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/companies/no-such-company")).StatusCode);
    }
}
