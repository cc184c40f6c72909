using Bunit;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Components.Shared;
using InterviewPrep.Web.Features.Channels;

namespace InterviewPrep.Tests.Components;

public sealed class ChannelCardTests
{
    [Fact]
    public async Task ChannelCard_ShowsNameCountsByDifficultyAndLinksToTheChannel()
    {
        await using var ctx = ComponentTestContext.Create();
        var channel = new ChannelSummary("system-design", "System Design", "Engineering", "Scale things.", "account_tree",
            new Dictionary<Difficulty, int> { [Difficulty.Beginner] = 3, [Difficulty.Advanced] = 2 });

        var card = ctx.Render<ChannelCard>(p => p.Add(c => c.Channel, channel));

        Assert.Equal("channels/system-design", card.Find("a").GetAttribute("href"));
        Assert.Contains("System Design", card.Markup);
        Assert.Contains("Scale things.", card.Markup);
        Assert.Contains("beginner 3", card.Find("[data-difficulty=beginner]").TextContent);
        Assert.Contains("advanced 2", card.Find("[data-difficulty=advanced]").TextContent);
        Assert.Empty(card.FindAll("[data-difficulty=intermediate]"));
        Assert.Equal("5 questions", card.Find("[data-testid=channel-total]").TextContent.Trim());
    }

    [Theory]
    [InlineData("system-design", "System Design")]
    [InlineData("aws-saa", "AWS SAA")]
    [InlineData("cgoa-new-question", "Cgoa New Question")]
    [InlineData("machine_learning", "Machine Learning")]
    public void ReadableName_MakesAnIdReadable(string id, string expected) =>
        Assert.Equal(expected, ChannelCatalog.ReadableName(id));
}
