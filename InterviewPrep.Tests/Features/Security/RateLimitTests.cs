using System.Net;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Security;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Security;

/// <summary>
/// Rate limits on the posts an attacker repeats: the N+1st post is refused with 429, Retry-After and
/// a page that says how long to wait; other addresses and accounts keep their own allowance; pages
/// themselves are never limited. Clients come from different addresses through a configured proxy.
/// </summary>
public sealed class RateLimitTests
{
    private const string Proxy = "10.0.0.1";

    private static AppFactory App(params (string Key, string Value)[] limits)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Admin:Email"] = AppFactory.AdminEmail,
            ["Admin:Password"] = AppFactory.AdminPassword,
            ["ForwardedHeaders:KnownProxies:0"] = Proxy,
        };
        foreach (var (key, value) in limits)
        {
            settings["RateLimits:" + key] = value;
        }

        return new AppFactory(settings: settings);
    }

    /// <summary>A browser at <paramref name="address"/>, as the proxy reports it.</summary>
    private static HttpClient Client(AppFactory app, string address)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    private static Task<HttpResponseMessage> SignInAsync(HttpClient client, string email) =>
        HtmlForms.PostAsync(client, "/Account/Login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = "not-the-password" });

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        var retryAfter = response.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter > TimeSpan.Zero, $"Retry-After {retryAfter}");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Too many attempts", html);
        Assert.Matches(@"try again in \d+ (second|minute)", html);
    }

    [Fact]
    public async Task SignIn_MorePostsThanTheLimitFromOneAddress_IsRefusedWith429RetryAfterAndTheFriendlyPage()
    {
        await using var app = App(("SignIn:PerAddress", "3"), ("SignIn:Window", "00:10:00"));
        using var client = Client(app, "203.0.113.1");

        for (var i = 0; i < 3; i++)
        {
            var allowed = await SignInAsync(client, $"someone{i}@example.test");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("Invalid login attempt", await allowed.Content.ReadAsStringAsync());
        }

        await AssertRefusedAsync(await SignInAsync(client, "someone3@example.test"));
    }

    [Fact]
    public async Task SignIn_AnotherAddress_IsNotLimitedByTheFirst()
    {
        await using var app = App(("SignIn:PerAddress", "2"), ("SignIn:Window", "00:10:00"));
        using var first = Client(app, "203.0.113.1");
        using var second = Client(app, "203.0.113.2");

        await SignInAsync(first, "a@example.test");
        await SignInAsync(first, "b@example.test");
        await AssertRefusedAsync(await SignInAsync(first, "c@example.test"));

        var other = await SignInAsync(second, "c@example.test");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task SignIn_OneAccountFromManyAddresses_IsLimited_AndAnotherAccountIsNot()
    {
        await using var app = App(("SignIn:PerAccount", "2"), ("SignIn:Window", "00:10:00"));

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(app, "198.51.100.1"), "victim@example.test")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(app, "198.51.100.2"), " Victim@Example.test")).StatusCode);
        await AssertRefusedAsync(await SignInAsync(Client(app, "198.51.100.3"), "victim@example.test"));

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(Client(app, "198.51.100.3"), "someone-else@example.test")).StatusCode);
    }

    [Fact]
    public async Task Register_MorePostsThanTheLimit_IsRefusedBeforeAnAccountIsCreated()
    {
        await using var app = App(("Registration:PerAddress", "2"), ("Registration:Window", "00:10:00"));
        using var client = Client(app, "203.0.113.9");

        for (var i = 0; i < 3; i++)
        {
            var response = await HtmlForms.PostAsync(client, "/Account/Register", new Dictionary<string, string>
            {
                ["Input.Email"] = $"new{i}@example.test",
                ["Input.Password"] = "Learner-Passw0rd!-long",
                ["Input.ConfirmPassword"] = "Learner-Passw0rd!-long",
            });
            if (i < 2)
            {
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
            else
            {
                await AssertRefusedAsync(response);
            }
        }

        using var scope = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.CreateScope(app.Services);
        var users = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<InterviewPrep.Data.Entities.AppUser>>(scope.ServiceProvider);
        Assert.Null(await users.FindByEmailAsync("new2@example.test"));
    }

    [Fact]
    public async Task ForgotPassword_MorePostsForOneAccountThanTheLimit_IsRefused()
    {
        await using var app = App(("AccountRecovery:PerAccount", "2"), ("AccountRecovery:Window", "00:15:00"));
        var form = new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await HtmlForms.PostAsync(Client(app, "198.51.100.1"), "/Account/ForgotPassword", form)).StatusCode);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await HtmlForms.PostAsync(Client(app, "198.51.100.2"), "/Account/ForgotPassword", form)).StatusCode);
        await AssertRefusedAsync(await HtmlForms.PostAsync(Client(app, "198.51.100.3"), "/Account/ForgotPassword", form));
    }

    [Fact]
    public async Task PasskeyOptions_MorePostsThanTheLimit_AreRefusedWith429AndRetryAfter()
    {
        await using var app = App(("Passkey:PerAddress", "2"));
        using var client = Client(app, "203.0.113.5");

        for (var i = 0; i < 2; i++)
        {
            var allowed = await client.PostAsync("/Account/PasskeyRequestOptions", new FormUrlEncodedContent([]));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        await AssertRefusedAsync(await client.PostAsync("/Account/PasskeyRequestOptions", new FormUrlEncodedContent([])));
    }

    [Fact]
    public async Task SignIn_ScriptedPostsWithoutAFormToken_AreRefusedWith429Too()
    {
        await using var app = App(("SignIn:PerAddress", "1"));
        using var client = Client(app, "203.0.113.4");
        var form = new Dictionary<string, string> { ["Input.Email"] = "x@example.test", ["Input.Password"] = "guess", ["_handler"] = "login" };

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form))).StatusCode);
        await AssertRefusedAsync(await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form)));
    }

    [Fact]
    public async Task QuestionForms_MorePostsThanTheLimit_AreRefused_WhileThePageStillOpens()
    {
        await using var app = App(("QuestionForms:PerAddress", "2"));
        using var client = Client(app, "203.0.113.7");
        const string url = "/questions/ip-db-004";
        var bookmark = new Dictionary<string, string> { ["_handler"] = "question-bookmark", ["Bookmark"] = "true" };

        Assert.Equal(HttpStatusCode.OK, (await HtmlForms.PostAsync(client, url, bookmark)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HtmlForms.PostAsync(client, url, bookmark)).StatusCode);
        await AssertRefusedAsync(await HtmlForms.PostAsync(client, url, bookmark));

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await HtmlForms.PostAsync(Client(app, "203.0.113.8"), url, bookmark)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WhileEveryPasswordCheckIsTakenAndTheQueueIsFull_IsRefused_AndAcceptedAfter()
    {
        await using var app = App(("ConcurrentPasswordChecks", "1"), ("PasswordCheckQueue", "0"));
        using var client = Client(app, "203.0.113.6");
        var gate = app.Services.GetRequiredService<PasswordCheckGate>();

        using (var taken = gate.Limiter.AttemptAcquire())
        {
            Assert.True(taken.IsAcquired);
            await AssertRefusedAsync(await SignInAsync(client, "busy@example.test"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/channels")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(client, "busy@example.test")).StatusCode);
    }

    [Fact]
    public async Task PageGets_AreNeverLimited()
    {
        await using var app = App(
            ("SignIn:PerAddress", "1"), ("Registration:PerAddress", "1"), ("AccountRecovery:PerAddress", "1"), ("QuestionForms:PerAddress", "1"));
        using var client = Client(app, "203.0.113.3");

        foreach (var url in new[] { "/Account/Login", "/Account/Register", "/Account/ForgotPassword", "/questions/ip-db-004" })
        {
            for (var i = 0; i < 5; i++)
            {
                Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url)).StatusCode);
            }
        }
    }

    [Fact]
    public async Task Startup_WithAnInvalidLimit_Fails()
    {
        await using var app = App(("SignIn:PerAddress", "0"));
        Assert.ThrowsAny<Exception>(() => app.CreateClient());
    }
}
