using System.Net;
using InterviewPrep.Web.Features.Accounts;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>The anonymous learner cookie's name and attributes: <c>__Host-</c> on HTTPS, the plain name on HTTP, either read back.</summary>
public sealed class AnonymousLearnerCookieTests
{
    private readonly AnonymousLearner _learners = new(new EphemeralDataProtectionProvider());

    private static DefaultHttpContext Request(string scheme, string? cookie = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Scheme = scheme;
        if (cookie is not null)
        {
            context.Request.Headers.Cookie = cookie;
        }

        return context;
    }

    private static string Value(string setCookie) => WebUtility.UrlDecode(setCookie.Split(';')[0].Split('=', 2)[1]);

    [Fact]
    public void Ensure_OnHttps_IssuesTheHostPrefixedSecureCookie()
    {
        var context = Request("https");

        _learners.Ensure(context);

        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(AnonymousLearner.SecureCookieName + "=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ensure_OnHttp_IssuesThePlainCookie()
    {
        var context = Request("http");

        _learners.Ensure(context);

        var cookie = context.Response.Headers.SetCookie.ToString();
        Assert.StartsWith(AnonymousLearner.CookieName + "=", cookie);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Ensure_OnHttpsWithOnlyAPlainCookie_IgnoresIt_AndIssuesAHostCookie()
    {
        // A plain-named cookie can be planted by a sibling domain or a plain-HTTP response; on HTTPS only __Host- counts.
        var planted = Request("http");
        var plantedId = _learners.Ensure(planted);
        var setCookie = planted.Response.Headers.SetCookie.ToString();

        var later = Request("https", $"{AnonymousLearner.CookieName}={Uri.EscapeDataString(Value(setCookie))}");

        Assert.Null(_learners.Current(later));
        Assert.NotEqual(plantedId, _learners.Ensure(later));
        Assert.StartsWith(AnonymousLearner.SecureCookieName + "=", later.Response.Headers.SetCookie.ToString());
    }

    [Theory]
    [InlineData("https")]
    [InlineData("http")]
    public void Ensure_WithItsOwnCookie_KeepsTheSameId(string scheme)
    {
        var first = Request(scheme);
        var id = _learners.Ensure(first);
        var setCookie = first.Response.Headers.SetCookie.ToString();
        var name = setCookie.Split('=', 2)[0];

        var later = Request(scheme, $"{name}={Uri.EscapeDataString(Value(setCookie))}");

        Assert.Equal(id, _learners.Current(later));
        Assert.Equal(id, _learners.Ensure(later));
        Assert.Empty(later.Response.Headers.SetCookie.ToString());
    }
}
