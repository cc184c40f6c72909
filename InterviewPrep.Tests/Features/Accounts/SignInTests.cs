using System.Net;
using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Study;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>What happens around a sign-in: whose progress merges where, the anonymous cookie, what an attacker can learn.</summary>
public sealed class SignInTests
{
    private const string Question = "ip-db-001";
    private const string Password = "Tidal-Orchid-58-Lantern";

    [Fact]
    public async Task PasskeySignIn_WithAnotherAccountsEmailTyped_MergesIntoTheAccountThatSignedIn()
    {
        await using var factory = new AppFactory();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(s =>
            s.AddScoped<IPasskeyHandler<AppUser>, AcceptingPasskeyHandler>()));
        var attacker = await CreateUserAsync(app, "attacker@example.test");
        var victim = await CreateUserAsync(app, "victim@example.test");
        var client = Browser(app);
        var (page, anonymous) = await OpenLoginAsync(app, client);
        await app.Services.GetRequiredService<StudyService>().SaveNoteAsync(anonymous, Question, "planted by the attacker");

        var options = new HttpRequestMessage(HttpMethod.Post, "/Account/PasskeyRequestOptions");
        options.Headers.Add("RequestVerificationToken", HtmlForms.HiddenFields(page)["__RequestVerificationToken"]);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(options)).StatusCode);
        var form = HtmlForms.HiddenFields(page);
        form["Input.Email"] = "victim@example.test";
        form["Input.Passkey.CredentialJson"] = "{}";
        var response = await client.PostAsync("/Account/Login", new FormUrlEncodedContent(form));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("planted by the attacker", await NoteAsync(app, attacker));
        Assert.Null(await NoteAsync(app, victim));
    }

    [Fact]
    public async Task PasswordSignIn_MergesIntoTheAccount_AndRotatesTheAnonymousCookie()
    {
        await using var app = new AppFactory();
        var learner = await CreateUserAsync(app, "learner-a@example.test");
        var client = Browser(app);
        var (_, anonymous) = await OpenLoginAsync(app, client);
        await app.Services.GetRequiredService<StudyService>().SaveNoteAsync(anonymous, Question, "studied before signing in");

        var response = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = "learner-a@example.test", ["Input.Password"] = Password });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("studied before signing in", await NoteAsync(app, learner));
        var renewed = AnonymousIdIn(app, response);
        Assert.NotNull(renewed);
        Assert.NotEqual(anonymous, renewed);
    }

    [Fact]
    public async Task Register_MergesIntoTheNewAccount_AndRotatesTheAnonymousCookie()
    {
        await using var app = new AppFactory();
        var client = Browser(app);
        var (_, anonymous) = await OpenLoginAsync(app, client);
        await app.Services.GetRequiredService<StudyService>().SaveNoteAsync(anonymous, Question, "studied before registering");

        var response = await HtmlForms.PostAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "newcomer@example.test",
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using var scope = app.Services.CreateScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>().FindByEmailAsync("newcomer@example.test");
        Assert.Equal("studied before registering", await NoteAsync(app, user!.Id));
        var renewed = AnonymousIdIn(app, response);
        Assert.NotNull(renewed);
        Assert.NotEqual(anonymous, renewed);
    }

    [Fact]
    public async Task SignOut_RotatesTheAnonymousCookie_SoTheNextPersonStartsAfresh()
    {
        await using var app = new AppFactory();
        await CreateUserAsync(app, "learner-b@example.test");
        var client = Browser(app);
        var signIn = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = "learner-b@example.test", ["Input.Password"] = Password });
        var duringSession = AnonymousIdIn(app, signIn);

        var signOut = await HtmlForms.PostAsync(client, "/Account/Logout", new Dictionary<string, string> { ["ReturnUrl"] = "" }, page: "/");

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var afterwards = AnonymousIdIn(app, signOut);
        Assert.NotNull(afterwards);
        Assert.NotEqual(duringSession, afterwards);
    }

    [Fact]
    public async Task PasswordSignIn_UnknownEmail_VerifiesAPasswordHashLikeAKnownOne()
    {
        await using var factory = new AppFactory();
        var (app, hasher) = factory.WithCountingPasswordHasher();
        var client = Browser(app);

        hasher.Reset();
        var unknown = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = "nobody@example.test", ["Input.Password"] = "Some-Guess-1234" });
        var unknownChecks = hasher.Verifications;
        hasher.Reset();
        var known = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = AppFactory.AdminEmail, ["Input.Password"] = "Some-Guess-1234" });

        Assert.Equal((1, 1), (unknownChecks, hasher.Verifications));
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        var knownPage = await known.Content.ReadAsStringAsync();
        Assert.Contains("Invalid login attempt", unknownPage);
        Assert.Contains("Invalid login attempt", knownPage);
    }

    private static HttpClient Browser(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private static async Task<(string Page, string AnonymousId)> OpenLoginAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, HttpClient client)
    {
        var response = await client.GetAsync("/Account/Login");
        return (await response.Content.ReadAsStringAsync(), AnonymousIdIn(app, response) ?? throw new InvalidOperationException("no anonymous id"));
    }

    /// <summary>The anonymous learner id a response sets, if it sets one.</summary>
    private static string? AnonymousIdIn(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, HttpResponseMessage response)
    {
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.LastOrDefault(c => c.StartsWith(AnonymousLearner.CookieName + "=", StringComparison.Ordinal))
            : null;
        return cookie is null ? null : app.Services.GetRequiredService<AnonymousLearner>().Read(WebUtility.UrlDecode(cookie.Split(';')[0].Split('=', 2)[1]));
    }

    private static async Task<string> CreateUserAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user.Id;
    }

    private static async Task<string?> NoteAsync(Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, string learnerId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.LearnerQuestionStates.Where(s => s.LearnerId == learnerId && s.QuestionId == Question).Select(s => s.Note).SingleOrDefaultAsync();
    }

    /// <summary>A passkey check that any credential passes, as the attacker's own passkey would.</summary>
    private sealed class AcceptingPasskeyHandler(UserManager<AppUser> users) : IPasskeyHandler<AppUser>
    {
        public Task<PasskeyCreationOptionsResult> MakeCreationOptionsAsync(PasskeyUserEntity userEntity, HttpContext httpContext) =>
            throw new NotSupportedException();

        public Task<PasskeyRequestOptionsResult> MakeRequestOptionsAsync(AppUser? user, HttpContext httpContext) =>
            Task.FromResult(new PasskeyRequestOptionsResult { RequestOptionsJson = "{}", AssertionState = "state" });

        public Task<PasskeyAttestationResult> PerformAttestationAsync(PasskeyAttestationContext context) =>
            throw new NotSupportedException();

        public async Task<PasskeyAssertionResult<AppUser>> PerformAssertionAsync(PasskeyAssertionContext context)
        {
            var attacker = await users.FindByEmailAsync("attacker@example.test");
            var passkey = new UserPasskeyInfo([1, 2, 3], [4, 5, 6], DateTimeOffset.UtcNow, 1, ["internal"], true, false, false, [7], [8]);
            return PasskeyAssertionResult.Success(passkey, attacker!);
        }
    }
}
