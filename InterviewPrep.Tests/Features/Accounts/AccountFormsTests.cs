using System.Net;
using System.Text.RegularExpressions;
using InterviewPrep.Tests.Features.Admin;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>The account forms as a person fills them in: each error once, beside its field; the links and buttons where they are looked for.</summary>
public sealed partial class AccountFormsTests(AccountFormsTests.App app) : IClassFixture<AccountFormsTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    private HttpClient Client() => app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>The messages shown, each with the id of the input before it.</summary>
    private static List<(string Field, string Message)> Messages(string html) =>
        MessageOrInput().Matches(html).Aggregate(
            (Field: "", Found: new List<(string, string)>()),
            (state, match) => match.Groups["id"].Success
                ? (match.Groups["id"].Value, state.Found)
                : (state.Field, [.. state.Found, (state.Field, WebUtility.HtmlDecode(match.Groups["message"].Value))])).Found;

    // A field's message is a div.text-danger after its input; a summary's, an li.validation-message.
    [GeneratedRegex("""<input[^>]*\bid="(?<id>[^"]+)"|<(?:div class="text-danger"|li class="validation-message")>(?<message>[^<]+)<""")]
    private static partial Regex MessageOrInput();

    [Fact]
    public async Task Register_WithACommonPassword_SaysWhyOnce_BesideThePassword()
    {
        var response = await HtmlForms.PostAsync(Client(), "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "newcomer@example.test", ["Input.Password"] = "Password123!", ["Input.ConfirmPassword"] = "Password123!",
        });

        var html = await response.Content.ReadAsStringAsync();
        var message = Assert.Single(Messages(html));
        Assert.Equal("Input.Password", message.Field);
        Assert.Contains("too common", message.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("alert-danger", html, StringComparison.Ordinal); // nor again in the status message
    }

    [Fact]
    public async Task Register_WithAShortPassword_AndNoEmail_SaysEachOnceBesideItsField()
    {
        var response = await HtmlForms.PostAsync(Client(), "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "", ["Input.Password"] = "Aa1!aa", ["Input.ConfirmPassword"] = "Aa1!aa",
        });

        var messages = Messages(await response.Content.ReadAsStringAsync());
        Assert.Equal(["Input.Email", "Input.Password"], messages.Select(m => m.Field));
        Assert.Contains("at least 12 characters", messages[1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangePassword_WithAWrongCurrentPassword_SaysSoBesideIt()
    {
        var client = Client();
        await AdminAccessTests.CreateUserAsync(app.Factory, "changer@example.test", "Quiet-Harbour-73-Lamp");
        await AdminAccessTests.SignInAsync(client, "changer@example.test", "Quiet-Harbour-73-Lamp");

        var response = await HtmlForms.PostAsync(client, "/Account/Manage/ChangePassword", new Dictionary<string, string>
        {
            ["Input.OldPassword"] = "Not-The-Password-41", ["Input.NewPassword"] = "Tidal-Orchid-58-Lantern", ["Input.ConfirmPassword"] = "Tidal-Orchid-58-Lantern",
        });

        var message = Assert.Single(Messages(await response.Content.ReadAsStringAsync()));
        Assert.Equal("Input.OldPassword", message.Field);
    }

    [Fact]
    public async Task SignIn_OffersForgotYourPassword()
    {
        var html = await Client().GetStringAsync("/Account/Login");
        Assert.Matches("""<a href="Account/ForgotPassword"[^>]*>Forgot your password\?</a>""", html);
    }

    [Fact]
    public async Task TheEmailPage_HasEachButtonInItsOwnForm()
    {
        var client = Client();
        using (var scope = app.Factory.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            Assert.True((await users.CreateAsync(new AppUser { UserName = "unconfirmed@example.test", Email = "unconfirmed@example.test" }, "Quiet-Harbour-73-Lamp")).Succeeded);
        }

        await AdminAccessTests.SignInAsync(client, "unconfirmed@example.test", "Quiet-Harbour-73-Lamp");

        var html = await client.GetStringAsync("/Account/Manage/Email");

        Assert.DoesNotContain(" form=\"", html, StringComparison.Ordinal);
        Assert.Matches("""<form[^>]*id="send-verification-form"[^>]*>(?:(?!</form>).)*data-testid="send-verification"(?:(?!</form>).)*</form>""",
            html.ReplaceLineEndings(" "));
    }
}
