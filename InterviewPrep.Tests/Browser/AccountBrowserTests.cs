using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>Signing in, as the browser shows it: no errors in the console on an IP address, the user's name in its own case.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task TheSignInPage_OnAnIpAddress_LogsNoError_AndAPasskeySaysWhyNot()
    {
        var page = await browser.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);

        await page.GotoAsync("/Account/Login");
        await BrowserPages.WaitForPageAsync(page);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.StartsWith("http://127.0.0.1:", page.Url, StringComparison.Ordinal);
        await Assertions.Expect(page.GetByTestId("forgot-password")).ToBeVisibleAsync();
        Assert.Empty(errors);

        await page.GetByText("Sign in with a passkey").ClickAsync();
        await Assertions.Expect(page.Locator(".alert-danger")).ToContainTextAsync("not by an IP address");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSignedInUsersName_IsShownInItsOwnCase()
    {
        var page = await BrowserPages.SignedInAdminAsync(browser, false, new ViewportSize { Width = 1280, Height = 800 });
        var name = page.GetByTestId("signed-in-user");
        await Assertions.Expect(name).ToBeVisibleAsync();
        Assert.Equal("none", await name.EvaluateAsync<string>("e => getComputedStyle(e).textTransform"));
        Assert.Contains(AppFactory.AdminEmail, await name.InnerTextAsync(), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}
