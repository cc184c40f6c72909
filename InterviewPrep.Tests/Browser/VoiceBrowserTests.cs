using InterviewPrep.Tests.Infrastructure;
using Microsoft.Playwright;

namespace InterviewPrep.Tests.Browser;

/// <summary>
/// A voice interview in a real browser. Headless Chromium has neither speech synthesis nor speech
/// recognition that work, so the page gets stand-ins: one that records what is read aloud, and a
/// recogniser that "hears" <c>window.__say</c> (or refuses the microphone, or is missing).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class VoiceBrowserTests(BrowserFixture browser)
{
    private const string Interview = "/voice/system-design-building-blocks";

    private const string Spoken =
        "so a load balancer sits in front of several app servers and spreads the requests across them so that no single server is overloaded " +
        "and because it runs health checks it stops sending traffic to a server that fails which removes a single point of failure";

    /// <summary>Speech stand-ins; <paramref name="recognition"/> is "works", "refused" or "missing".</summary>
    private static string SpeechStubs(string recognition) => $$"""
        (() => {
            window.__spoken = [];
            Object.defineProperty(window, 'SpeechSynthesisUtterance', { configurable: true, value: function (text) { this.text = text; } });
            Object.defineProperty(window, 'speechSynthesis', { configurable: true, value: {
                speak(u) { window.__spoken.push(u.text); setTimeout(() => u.onend && u.onend(), 30); },
                cancel() {}, getVoices() { return [{ name: 'Stand-in voice', lang: 'en-GB' }]; }, addEventListener() {} } });
            const mode = '{{recognition}}';
            if (mode === 'missing') {
                delete window.SpeechRecognition; delete window.webkitSpeechRecognition;
                Object.defineProperty(window, 'webkitSpeechRecognition', { configurable: true, value: undefined });
                return;
            }
            const Recognition = function () {
                const self = this;
                this.start = () => setTimeout(() => {
                    if (mode === 'refused') { self.onerror && self.onerror({ error: 'not-allowed' }); self.onend && self.onend(); return; }
                    const result = [{ transcript: window.__say || '' }];
                    result.isFinal = true;
                    self.onresult && self.onresult({ resultIndex: 0, results: [result] });
                    setTimeout(() => self.onend && self.onend(), 1200);
                }, 50);
                this.stop = () => self.onend && self.onend();
            };
            Object.defineProperty(window, 'SpeechRecognition', { configurable: true, value: Recognition });
        })();
        """;

    private async Task<IPage> OpenAsync(string recognition, ViewportSize? viewport = null)
    {
        var page = await browser.NewPageAsync(viewport);
        await page.AddInitScriptAsync(SpeechStubs(recognition));
        return page;
    }

    [Fact]
    public async Task AnInterview_IsHeard_AnsweredBySpeechAndByTyping_Graded_AndResumedAfterAReload()
    {
        var page = await OpenAsync("works", new ViewportSize { Width = 390, Height = 844 });
        await page.GotoAsync("/voice");
        await page.Locator("[data-testid=voice-card][data-voice-id=system-design-building-blocks] a").ClickAsync();
        await page.Locator("[data-testid=voice-start]").ClickAsync();

        // The first question is read aloud and shown.
        var question = await page.Locator("[data-testid=voice-question]").TextContentAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-speak]")).ToBeVisibleAsync();
        Assert.Contains(question, await page.EvaluateAsync<string[]>("() => window.__spoken"));

        // Spoken: the words heard fill the box (correctable), then the grade explains itself.
        await page.EvaluateAsync($"() => window.__say = {System.Text.Json.JsonSerializer.Serialize(Spoken)}");
        await page.Locator("[data-testid=voice-speak]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-listening]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-transcript]")).ToHaveValueAsync(Spoken);
        await Assertions.Expect(page.Locator("[data-testid=voice-speak]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=voice-submit]").ClickAsync();
        var grade = page.Locator("[data-testid=voice-grade]");
        await Assertions.Expect(grade).ToBeVisibleAsync();
        Assert.InRange(int.Parse((await page.Locator("[data-testid=voice-score]").TextContentAsync())!), 40, 100);
        Assert.True(await page.Locator("[data-testid=voice-covered]").CountAsync() > 0, "covered concepts are marked in the transcript");
        await Assertions.Expect(page.Locator("[data-testid=voice-delivery]")).ToContainTextAsync("words a minute");
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll on a phone");

        // Typed: the second question's draft survives a reload, and the interview resumes there.
        await page.Locator("[data-testid=voice-next]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-player]")).ToHaveAttributeAsync("data-position", "1");
        await page.Locator("[data-testid=voice-transcript]").FillAsync("consistent hashing puts servers and keys on a ring");
        await page.WaitForTimeoutAsync(1500); // the draft is saved shortly after typing stops
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-player]")).ToHaveAttributeAsync("data-position", "1");
        await Assertions.Expect(page.Locator("[data-testid=voice-transcript]")).ToHaveValueAsync("consistent hashing puts servers and keys on a ring");
        await page.Locator("[data-testid=voice-submit]").ClickAsync();
        await Assertions.Expect(grade).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-delivery]")).ToContainTextAsync("typed");
        // Focus moves to the grade, since the button that had it is gone.
        await Assertions.Expect(page.Locator("#voice-grade-heading")).ToBeFocusedAsync();

        // The first answer is still there with its grade.
        await page.Locator("[data-testid=voice-step]").First.ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-heard]")).ToContainTextAsync("load balancer");
        await page.Locator("[data-testid=voice-finish]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-summary]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-summary-table] tbody tr")).ToHaveCountAsync(5);

        // The weak ones (below good, or not answered) come back as an interview of their own.
        await page.Locator("[data-testid=voice-retry-weak]").ClickAsync();
        await page.WaitForURLAsync("**/voice/system-design-building-blocks/retry");
        await page.Locator("[data-testid=voice-step]").First.WaitForAsync();
        var steps = await page.Locator("[data-testid=voice-step]").CountAsync();
        Assert.InRange(steps, 3, 5);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-step]")).ToHaveCountAsync(steps);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AGradedAnswer_InTheDarkTheme_HasNoSeriousAccessibilityViolations()
    {
        var page = await browser.NewPageAsync(new ViewportSize { Width = 390, Height = 844 }, colorScheme: ColorScheme.Dark);
        await page.AddInitScriptAsync(SpeechStubs("missing"));
        await page.GotoAsync("/voice/question/ip-sd-002");
        await page.Locator("[data-testid=voice-start]").ClickAsync();
        await page.Locator("[data-testid=voice-transcript]").FillAsync(Spoken);
        await page.Locator("[data-testid=voice-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-grade]")).ToBeVisibleAsync();
        await page.Locator("[data-testid=voice-reasons] summary").ClickAsync();

        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Locator("[data-testid=voice-done]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-summary]")).ToBeVisibleAsync();
        await BrowserPages.AssertNoSeriousAccessibilityViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnUnknownInterviewOrQuestion_IsNotFound()
    {
        var page = await browser.NewPageAsync();

        var interview = await page.GotoAsync("/voice/no-such-interview");
        var question = await page.GotoAsync("/voice/question/no-such-question");

        Assert.Equal(404, interview!.Status);
        Assert.Equal(404, question!.Status);
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("refused", "microphone is blocked")]
    [InlineData("missing", "cannot hear speech")]
    public async Task WithoutAMicrophone_OrSpeechRecognition_ThePageSaysSo_AndTypingWorks(string recognition, string explained)
    {
        var page = await OpenAsync(recognition);
        await page.GotoAsync("/voice/question/ip-sd-001");
        await page.Locator("[data-testid=voice-start]").ClickAsync();
        if (recognition == "refused")
        {
            await page.Locator("[data-testid=voice-speak]").ClickAsync();
        }

        await Assertions.Expect(page.Locator("[data-testid=voice-speech-note]")).ToContainTextAsync(explained);
        await Assertions.Expect(page.Locator("[data-testid=voice-speak]")).ToHaveCountAsync(0);
        await page.Locator("[data-testid=voice-transcript]").FillAsync(Spoken);
        await page.Locator("[data-testid=voice-submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=voice-grade]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
