using System.Net;
using System.Text.Json.Nodes;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Tests.Features.Channels;

/// <summary>The server's HTML for the home page and the app shell's status pages.</summary>
public sealed class HomePageTests : IClassFixture<HomePageTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    private readonly AppFactory _app;

    public HomePageTests(App app) => _app = app.Factory;

    private static JsonArray StarterChannels() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(InterviewPrep.Data.Content.DatabaseInitializer.DefaultStarterContentPath, "channels.json")))!.AsArray();

    [Fact]
    public async Task Home_ListsEveryStarterChannel_UnderItsCategory_WithALinkToIt()
    {
        var html = await _app.CreateClient().GetStringAsync("/");

        foreach (var channel in StarterChannels())
        {
            var id = channel!["id"]!.GetValue<string>();
            Assert.Contains($"href=\"channels/{id}\"", html);
            Assert.Contains(WebUtility.HtmlEncode(channel["name"]!.GetValue<string>()), html);
            Assert.Contains(WebUtility.HtmlEncode(channel["category"]!.GetValue<string>()), html);
        }

        Assert.Matches(@"\d+ questions in 8 channels", html);
    }

    [Fact]
    public async Task Healthz_AnswersOk()
    {
        var response = await _app.CreateClient().GetAsync("/healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task UnknownRoute_Answers404_WithTheFriendlyPage()
    {
        var response = await _app.CreateClient().GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Page not found", html);
        Assert.Contains("InterviewPrep", html);
    }

    [Fact]
    public async Task OtherErrorStatuses_GetTheirOwnExplanation()
    {
        // The page error responses without a body are re-executed to.
        var html = await _app.CreateClient().GetStringAsync("/status/405");
        Assert.Contains("data-status=\"405\"", html);
        Assert.Contains("does not accept this kind of request", html);
        Assert.DoesNotContain("Page not found", html);
    }

    [Fact]
    public async Task LoginPage_RendersInsideTheAppLayout()
    {
        var html = await _app.CreateClient().GetStringAsync("/Account/Login");
        Assert.Contains("app-title", html);
        Assert.Contains("name=\"Input.Email\"", html);
        Assert.Contains("_content/MudBlazor/MudBlazor.min.", html);
    }

    [Fact]
    public async Task ThemeCookie_IsHonouredByTheServerRender()
    {
        var client = _app.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", "ip-theme=dark");
        var html = await client.GetStringAsync("/");
        Assert.Contains("<body class=\"theme-dark\"", html);
    }
}
