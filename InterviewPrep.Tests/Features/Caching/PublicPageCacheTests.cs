using System.Net;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPrep.Tests.Features.Caching;

/// <summary>
/// Public pages for visitors without cookies come from the output cache, follow content edits at
/// once, give no cookie, and fetch the learner's parts separately; visitors with cookies get their own.
/// </summary>
public sealed partial class PublicPageCacheTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private HttpClient Cookieless() =>
        _app.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

    private static HttpRequestMessage Page(string url, string? cookie = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/channels")]
    [InlineData("/certifications")]
    [InlineData("/channels/devops")]
    [InlineData("/questions/ip-ops-003")]
    [InlineData("/search?q=kubernetes+pod")]
    public async Task AFirstVisit_SetsNoCookie_AndTheNextOneComesFromTheCache(string url)
    {
        var client = Cookieless();
        var first = await client.SendAsync(Page(url));
        var second = await client.SendAsync(Page(url));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Set-Cookie"), string.Join("; ", first.Headers.TryGetValues("Set-Cookie", out var c) ? c : []));
        Assert.False(first.Headers.Contains("Age"));
        Assert.True(second.Headers.Contains("Age"), "the second visit is answered from the cache");
        // Nothing on a page for everyone may need this visitor's antiforgery token (it is not sent to them).
        Assert.DoesNotContain("__RequestVerificationToken", await first.Content.ReadAsStringAsync());
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AContentEdit_ShowsOnTheNextVisit()
    {
        var client = Cookieless();
        await _app.SaveQuestionAsync("ip-cache-1");
        Assert.Contains("Question ip-cache-1", await (await client.SendAsync(Page("/channels/testing"))).Content.ReadAsStringAsync());

        await _app.SaveQuestionAsync("ip-cache-2");

        var html = await (await client.SendAsync(Page("/channels/testing"))).Content.ReadAsStringAsync();
        Assert.Contains("Question ip-cache-2", html);
    }

    [Fact]
    public async Task AVisitorWithCookies_IsNotServedFromTheCache()
    {
        var client = Cookieless();
        await client.SendAsync(Page("/channels"));

        var withCookie = await client.SendAsync(Page("/channels", cookie: "ip-theme=dark"));

        Assert.False(withCookie.Headers.Contains("Age"));
        Assert.Contains("theme-dark", await withCookie.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OtherPages_AreNeverCached()
    {
        var client = Cookieless();
        await client.SendAsync(Page("/study/devops"));
        var second = await client.SendAsync(Page("/study/devops"));

        Assert.False(second.Headers.Contains("Age"));
        Assert.Contains(second.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ip-learner=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AQuestionPage_ForAFirstVisit_HasSlotsForTheLearnersParts_WhichComeWithALearner_AndWork()
    {
        var client = Cookieless();
        var html = await (await client.SendAsync(Page("/questions/ip-ops-003"))).Content.ReadAsStringAsync();
        Assert.Equal(["question-actions", "question-note", "question-report"], SlotPattern().Matches(html).Select(m => m.Groups[1].Value));
        Assert.DoesNotContain("data-testid=\"question-bookmark\"", html);

        var learner = await client.SendAsync(Page("/api/learner"));
        Assert.Equal(HttpStatusCode.NoContent, learner.StatusCode);
        Assert.Contains("no-store", learner.Headers.CacheControl?.ToString());
        var cookie = Assert.Single(learner.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ip-learner=", StringComparison.Ordinal)).Split(';')[0];

        // The page rendered for the learner has the parts, with their forms; it is not cached.
        var mine = await client.SendAsync(Page("/questions/ip-ops-003", cookie));
        Assert.False(mine.Headers.Contains("Age"));
        var body = await mine.Content.ReadAsStringAsync();
        Assert.DoesNotContain("data-learner-part", body);
        Assert.Contains("data-part=\"question-actions\"", body);
        Assert.Contains("data-part=\"question-note\"", body);
        Assert.Contains("data-part=\"question-report\"", body);
        var cookies = string.Join("; ", new[] { cookie }.Concat(mine.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0])));

        var fields = HtmlForms.HiddenFields(body);
        fields["_handler"] = "question-bookmark";
        fields["Bookmark"] = "true";
        var post = new HttpRequestMessage(HttpMethod.Post, "/questions/ip-ops-003") { Content = new FormUrlEncodedContent(fields) };
        post.Headers.Add("Cookie", cookies);
        var posted = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("Bookmarked", await posted.Content.ReadAsStringAsync());

        // A first visit still gets the page without the learner's state.
        Assert.DoesNotContain("Bookmarked", await (await client.SendAsync(Page("/questions/ip-ops-003"))).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task TheDiagramLibrary_IsAJavaScriptModule_SentCompressed_AndCompressedOnce()
    {
        var plain = await Cookieless().GetAsync("/lib/mermaid/mermaid.esm.min.mjs");
        var request = new HttpRequestMessage(HttpMethod.Get, "/lib/mermaid/mermaid.esm.min.mjs");
        request.Headers.AcceptEncoding.ParseAdd("br");
        request.Headers.AcceptEncoding.ParseAdd("gzip");

        var compressed = await Cookieless().SendAsync(request);
        var again = new HttpRequestMessage(HttpMethod.Get, "/lib/mermaid/mermaid.esm.min.mjs");
        again.Headers.AcceptEncoding.ParseAdd("br");
        again.Headers.AcceptEncoding.ParseAdd("gzip");
        var cached = await Cookieless().SendAsync(again);

        Assert.Equal(HttpStatusCode.OK, compressed.StatusCode);
        Assert.True(cached.Headers.Contains("Age"), "compressed once, then kept");
        Assert.Equal(compressed.Content.Headers.ContentEncoding, cached.Content.Headers.ContentEncoding);
        Assert.Equal(await compressed.Content.ReadAsByteArrayAsync(), await cached.Content.ReadAsByteArrayAsync());
        // Browsers refuse a module served under any other type.
        Assert.Equal("text/javascript", compressed.Content.Headers.ContentType?.MediaType);
        Assert.Contains(compressed.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        Assert.True((await compressed.Content.ReadAsByteArrayAsync()).Length < (await plain.Content.ReadAsByteArrayAsync()).Length / 2);
    }

    [Fact]
    public async Task MudBlazorsFiles_AreLinkedByVersion_AndKeptForAYear()
    {
        var html = await (await Cookieless().SendAsync(Page("/"))).Content.ReadAsStringAsync();
        var href = Regex.Match(html, "href=\"(_content/MudBlazor/MudBlazor.min.css\\?v=[^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(href);
        // (A publish serves them precompressed; a test build holds no compressed copies.)
        var response = await Cookieless().GetAsync("/" + System.Net.WebUtility.HtmlDecode(href));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        // Another version's URL (or none) is not promised to last.
        var unversioned = await Cookieless().GetAsync("/_content/MudBlazor/MudBlazor.min.css?v=0.0.1");
        Assert.DoesNotContain("immutable", unversioned.Headers.CacheControl?.ToString() ?? "");
    }

    [Fact]
    public async Task TheDiagramLibrarysHashedChunks_AreKeptForAYear_AndItsEntryIsRevalidated()
    {
        var entry = await Cookieless().GetAsync("/lib/mermaid/mermaid.esm.min.mjs");
        var chunk = Regex.Match(await entry.Content.ReadAsStringAsync(), "\"\\./(chunks/mermaid\\.esm\\.min/[^\"]+\\.mjs)\"").Groups[1].Value;

        var response = await Cookieless().GetAsync("/lib/mermaid/" + chunk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("immutable", response.Headers.CacheControl?.ToString());
        Assert.True(entry.Headers.CacheControl?.NoCache, "the entry module is revalidated");
    }

    [Fact]
    public async Task APublicPage_IsCompressedForAFirstVisit_AndEachEncodingIsCachedApart()
    {
        var client = Cookieless();
        HttpRequestMessage Accepting(string? encoding)
        {
            var request = Page("/channels");
            if (encoding is not null)
            {
                request.Headers.AcceptEncoding.ParseAdd(encoding);
            }

            return request;
        }

        var brotli = await client.SendAsync(Accepting("br"));
        var plain = await client.SendAsync(Accepting(null));
        var brotliAgain = await client.SendAsync(Accepting("br"));
        var plainAgain = await client.SendAsync(Accepting(null));

        Assert.Equal(["br"], brotli.Content.Headers.ContentEncoding);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.Contains("<h1", await plain.Content.ReadAsStringAsync());
        Assert.True(brotliAgain.Headers.Contains("Age") && plainAgain.Headers.Contains("Age"), "both come from the cache");
        Assert.Equal(["br"], brotliAgain.Content.Headers.ContentEncoding);
        Assert.Empty(plainAgain.Content.Headers.ContentEncoding);
        Assert.Equal(await plain.Content.ReadAsStringAsync(), await plainAgain.Content.ReadAsStringAsync());
        Assert.True((await brotliAgain.Content.ReadAsByteArrayAsync()).Length * 3 < (await plainAgain.Content.ReadAsByteArrayAsync()).Length);
    }

    [Fact]
    public async Task APageForOneVisitor_IsNeverCompressed()
    {
        // A page with the visitor's own token or data is sent as it is (compression could leak it).
        var learner = await Cookieless().SendAsync(Page("/dashboard"));
        var cookie = Assert.Single(learner.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ip-learner=", StringComparison.Ordinal)).Split(';')[0];
        var request = Page("/channels", cookie);
        request.Headers.AcceptEncoding.ParseAdd("br");

        var response = await Cookieless().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(response.Content.Headers.ContentEncoding);
    }

    [Theory]
    [InlineData("/", false)]
    [InlineData("/questions/ip-ops-003", false)]
    [InlineData("/dashboard", true)]
    [InlineData("/study/devops", true)]
    public async Task OnlyInteractivePages_LoadTheBlazorScript(string url, bool interactive)
    {
        var html = await (await Cookieless().SendAsync(Page(url))).Content.ReadAsStringAsync();

        Assert.Equal(interactive, html.Contains("_framework/blazor.web", StringComparison.Ordinal));
        Assert.Equal(interactive, html.Contains("MudBlazor.min.js", StringComparison.Ordinal));
    }

    [GeneratedRegex("data-learner-part=\"([^\"]+)\"")]
    private static partial Regex SlotPattern();
}
