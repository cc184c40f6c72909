using System.Net;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>Return URLs that leave the site go home; forms without a valid antiforgery token are 400s.</summary>
public sealed class ReturnUrlTests
{
    [Theory]
    [InlineData("//evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("/\\evil.com")]
    [InlineData("\\\\evil.com")]
    [InlineData("/\t/evil.com")]
    [InlineData("javascript:alert(1)")]
    public async Task PasswordSignIn_WithAHostileReturnUrl_GoesHome(string returnUrl)
    {
        await using var app = new AppFactory();
        var client = Browser(app);

        var response = await HtmlForms.PostAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.AdminPassword });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/", Target(response));
    }

    [Fact]
    public async Task PasswordSignIn_WithALocalReturnUrl_GoesThere()
    {
        await using var app = new AppFactory();
        var client = Browser(app);

        var response = await HtmlForms.PostAsync(client, "/Account/Login?ReturnUrl=" + Uri.EscapeDataString("/channels?sort=name"),
            new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = AppFactory.AdminPassword });

        Assert.Equal("http://localhost/channels?sort=name", Target(response));
    }

    [Theory]
    [InlineData("//evil.com")]
    [InlineData("https://evil.com")]
    [InlineData("/\\evil.com")]
    public async Task SignOut_WithAHostileReturnUrl_GoesHome(string returnUrl)
    {
        await using var app = new AppFactory();
        var client = Browser(app);

        var response = await HtmlForms.PostAsync(client, "/Account/Logout", new Dictionary<string, string> { ["ReturnUrl"] = returnUrl }, page: "/Account/Login");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("http://localhost/", Target(response));
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public async Task SignOut_WithoutAnAntiforgeryToken_IsABadRequest(string environment)
    {
        await using var app = new AppFactory(environment);
        var client = Browser(app);

        var response = await client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["ReturnUrl"] = "" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task LoginForm_WithABadAntiforgeryToken_IsABadRequest()
    {
        await using var app = new AppFactory("Production");
        var client = Browser(app);
        var form = HtmlForms.HiddenFields(await client.GetStringAsync("/Account/Login"));
        form["__RequestVerificationToken"] = "forged";
        form["Input.Email"] = AppFactory.AdminEmail;
        form["Input.Password"] = AppFactory.AdminPassword;

        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    /// <summary>Where a redirect leads, resolved against the test server's address.</summary>
    private static string Target(HttpResponseMessage response) => new Uri(new Uri("http://localhost/"), response.Headers.Location!).AbsoluteUri;

    private static HttpClient Browser(WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}
