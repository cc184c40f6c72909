using InterviewPrep.Web.Features.Appearance;

namespace InterviewPrep.Tests.Features.Appearance;

public sealed class ThemePreferenceTests
{
    [Theory]
    [InlineData(null, null, null, false)]      // nothing known: light
    [InlineData(null, "dark", null, true)]     // the system prefers dark
    [InlineData(null, null, "\"dark\"", true)] // the client hint says dark
    [InlineData(null, "light", "\"dark\"", false)] // the browser's own report wins over the hint
    [InlineData("light", "dark", "\"dark\"", false)] // the visitor's choice wins
    [InlineData("dark", "light", "\"light\"", true)]
    [InlineData("bogus", "dark", null, true)]
    public void IsDark_ChoiceSystemAndHint_ChoiceWinsThenTheSystem(string? choice, string? system, string? hint, bool dark) =>
        Assert.Equal(dark, ThemePreference.IsDark(choice, system, hint));
}
