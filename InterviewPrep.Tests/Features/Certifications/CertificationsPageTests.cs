using System.Net;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Features.Channels;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Features.Certifications;

/// <summary>The certifications catalog, served to a visitor without JavaScript, with the starter content.</summary>
public sealed partial class CertificationsPageTests(HomePageTests.App app) : IClassFixture<HomePageTests.App>
{
    private readonly AppFactory _app = app.Factory;

    [Fact]
    public async Task TheCatalog_ListsEveryCertification_ByProvider_WithTheQuestionsToPractise()
    {
        var response = await _app.CreateClient().GetAsync("/certifications");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(3, Cards().Matches(html).Count);
        Assert.Contains("3 of 3 certifications", html);
        // Every starter certification draws from starter channels, so each has questions to practise.
        Assert.All(Available().Matches(html), m => Assert.True(int.Parse(m.Groups[1].Value) > 0, m.Value));
    }

    [Fact]
    public async Task Filters_AreAPlainGetForm()
    {
        var html = await _app.CreateClient().GetStringAsync("/certifications?category=Security&difficulty=&status=&q=");
        var none = await _app.CreateClient().GetStringAsync("/certifications?q=no-such-exam");

        Assert.Single(Cards().Matches(html));
        Assert.Contains("data-certification-id=\"application-security-essentials\"", html);
        Assert.Contains("<option value=\"Security\" selected", html);
        Assert.Empty(Cards().Matches(none));
        Assert.Contains("0 of 3 certifications", none);
    }

    [Fact]
    public async Task ACertificationsPage_HasItsExamFacts_AndEachDomainWithItsWeightAndQuestions()
    {
        var catalog = await _app.CreateClient().GetStringAsync("/certifications");
        Assert.Contains("href=\"certifications/cloud-architecture-foundations\"", catalog);

        var response = await _app.CreateClient().GetAsync("/certifications/cloud-architecture-foundations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-testid=\"exam-facts\"", html);
        var domains = Regex.Matches(html, "data-testid=\"domain\" data-domain=\"([a-z-]+)\"").Select(m => m.Groups[1].Value).ToList();
        Assert.Contains("scalability-and-traffic", domains);
        Assert.True(domains.Count >= 4, string.Join(", ", domains));
        var available = int.Parse(Regex.Match(html, "data-testid=\"available\">([0-9,]+)<").Groups[1].Value, System.Globalization.NumberStyles.AllowThousands);
        Assert.True(available > 0);
    }

    [Fact]
    public async Task AnUnknownCertification_Is404()
    {
        var response = await _app.CreateClient().GetAsync("/certifications/no-such-exam");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("text-orange-400", "#ef6c00")]
    [InlineData("text-sky-600", "#0288d1")]
    [InlineData(null, "var(--mud-palette-primary)")]
    [InlineData("bg-unknown", "var(--mud-palette-primary)")]
    public void TheDatasColourClasses_BecomeOurAccents(string? colorClass, string accent) =>
        Assert.Equal(accent, CertificationCatalog.Accent(colorClass));

    [Fact]
    public void EveryIconNameOfTheDataset_IsAMaterialIcon()
    {
        foreach (var icon in new[] { "shield", "database", "network", "brain", "cloud", "box", "infinity", "code", "server", "git-branch", "layers", "terminal", "activity", "cpu", "layout", "lock" })
        {
            Assert.NotNull(InterviewPrep.Web.Components.Shared.MaterialIcons.Find(CertificationCatalog.MaterialName(icon)));
        }
    }

    [GeneratedRegex("data-testid=\"certification-card\"")]
    private static partial Regex Cards();

    [GeneratedRegex("data-testid=\"certification-available\"><strong>([0-9,]+)</strong>")]
    private static partial Regex Available();
}
