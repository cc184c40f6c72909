using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>A learner on a 390 px phone: the header's account actions, and long unbroken text that must wrap.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PhoneBrowserTests(BrowserFixture browser)
{
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>One "word" of 400 letters, as pasted URLs, hashes and stack traces arrive.</summary>
    private static readonly string LongWord = string.Concat(Enumerable.Repeat("Unbrokenword", 34));

    private static async Task AssertFitsTheScreenAsync(IPage page, string what)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (scrollWidth, viewport) = (widths[0], widths[1]);
        Assert.True(scrollWidth <= viewport, $"{what}: the document is {scrollWidth}px wide on a {viewport}px screen");
    }

    /// <summary>Visible and wholly inside the screen (waits for the drawer or menu to finish moving in).</summary>
    private static async Task AssertInsideTheScreenAsync(ILocator locator)
    {
        await Assertions.Expect(locator).ToBeVisibleAsync();
        await Assertions.Expect(locator).ToBeInViewportAsync(new() { Ratio = 1 });
    }

    [Fact]
    public async Task Header_On390pxPhone_SignInIsOnScreenAndLeadsToSignIn()
    {
        var page = await browser.NewPageAsync(Phone);
        await page.GotoAsync("/");
        await BrowserPages.WaitForPageAsync(page);
        await AssertFitsTheScreenAsync(page, "home");

        await page.Locator("[data-testid=account-menu]").ClickAsync();
        var signIn = page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });
        await AssertInsideTheScreenAsync(signIn);
        await AssertInsideTheScreenAsync(page.GetByRole(AriaRole.Link, new() { Name = "Register", Exact = true }));

        await signIn.ClickAsync();

        await page.WaitForURLAsync("**/Account/Login**");
        await Assertions.Expect(page.Locator("input[name='Input.Email']")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page, "sign-in page");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Drawer_On390pxPhone_OffersSignIn_AndSignedInUsersSignOut()
    {
        var page = await browser.NewPageAsync(Phone);
        await page.GotoAsync("/channels");
        await BrowserPages.WaitForPageAsync(page);
        // On a phone the drawer starts hidden.
        await Assertions.Expect(page.Locator(".mud-drawer")).ToBeHiddenAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await AssertInsideTheScreenAsync(page.Locator("[data-testid=nav-register]"));
        await page.Locator("[data-testid=nav-sign-in]").ClickAsync();
        await page.Locator("input[name='Input.Email']").FillAsync(AppFactory.AdminEmail);
        await page.Locator("input[name='Input.Password']").FillAsync(AppFactory.AdminPassword);
        await page.Locator("button[type=submit]").First.ClickAsync();
        await BrowserPages.WaitForPageAsync(page);
        await AssertFitsTheScreenAsync(page, "signed in");

        // Signing out is a form post with its antiforgery token, from the account menu.
        await page.Locator("[data-testid=account-menu]").ClickAsync();
        var signOut = page.Locator("[data-testid=account-menu-list]").GetByRole(AriaRole.Button, new() { Name = "Sign out" });
        await AssertInsideTheScreenAsync(signOut);
        await signOut.ClickAsync();

        await BrowserPages.WaitForPageAsync(page);
        await page.Locator("[data-testid=account-menu]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=account-menu-list]").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }))
            .ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task LongUnbrokenText_On390pxPhone_WrapsInsideTheScreen()
    {
        var changes = browser.App.Services.GetRequiredService<ContentChangeService>();
        await changes.UpsertAsync(new QuestionData
        {
            Id = "ip-long-words",
            Text = $"What does {LongWord} mean?",
            Answer = $"It means {LongWord}.",
            Tldr = LongWord,
            Explanation = $"## {LongWord}\n\nSee {LongWord} and `{LongWord}`.\n\n```csharp\nvar x = \"{LongWord}\";\n```\n",
            Tags = [LongWord[..120]],
            Companies = [LongWord[..80]],
            Channel = "long-words",
            SubChannel = "general",
            Difficulty = Difficulty.Beginner,
        }, new ChangeSource("system", "tests"));

        var page = await browser.NewPageAsync(Phone);
        await page.GotoAsync("/search?q=" + new string('q', 5000));
        await Assertions.Expect(page.Locator("[data-testid=search-count]")).ToContainTextAsync("No questions match");
        await AssertFitsTheScreenAsync(page, "a 5,000-character search");

        await page.GotoAsync("/search?q=" + LongWord);
        await Assertions.Expect(page.Locator("[data-testid=search-hit][data-question-id=ip-long-words]")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page, "search results with a long word");

        await page.GotoAsync("/questions/ip-long-words");
        await page.Locator("#question-note").FillAsync($"Remember {LongWord}");
        await page.Locator("[data-testid=question-note-save]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=question-note-status]")).ToContainTextAsync("Note saved");
        await AssertFitsTheScreenAsync(page, "question page with a note");
        var code = await page.EvaluateAsync<int[]>(
            "() => { const pre = document.querySelector('pre.code-block'); return [pre.scrollWidth, pre.clientWidth]; }");
        Assert.True(code[0] > code[1], "the code block scrolls inside its box");

        await page.GotoAsync("/notes");
        await Assertions.Expect(page.Locator("[data-testid=note-item][data-question-id=ip-long-words]")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page, "notes");

        await page.GotoAsync("/study/long-words");
        await page.Locator("[data-testid=study][data-keys=ready]").WaitForAsync();
        await page.Locator("[data-testid=reveal]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=answer]")).ToBeVisibleAsync();
        await AssertFitsTheScreenAsync(page, "study with the answer shown");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnATouchScreen_TheGradeButtons_ShowNoKeyboardHints()
    {
        var touch = await browser.NewPageAsync(Phone, touch: true);
        await touch.GotoAsync("/study/databases");
        await BrowserPages.WaitForPageAsync(touch);
        Assert.Equal("Show answer", (await touch.Locator("[data-testid=reveal]").InnerTextAsync()).Trim(), ignoreCase: true);
        await touch.Locator("[data-testid=reveal]").ClickAsync();
        var hint = touch.Locator(".grade-label kbd").First;
        await Assertions.Expect(hint).ToBeHiddenAsync();
        await touch.Context.CloseAsync();

        var keyboard = await browser.NewPageAsync(Phone);
        await keyboard.GotoAsync("/study/databases");
        await BrowserPages.WaitForPageAsync(keyboard);
        Assert.Contains("(Space)", await keyboard.Locator("[data-testid=reveal]").InnerTextAsync(), StringComparison.OrdinalIgnoreCase);
        await keyboard.Locator("[data-testid=reveal]").ClickAsync();
        await Assertions.Expect(keyboard.Locator(".grade-label kbd").First).ToBeVisibleAsync();
        await keyboard.Context.CloseAsync();
    }
}
