using System.Net;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Channels;

/// <summary>The channel cache: any URL names a channel, so misses are never kept, and what is kept has a bound.</summary>
public sealed class ChannelCacheTests
{
    [Fact]
    public async Task UnknownChannels_ManyRequested_NoneIsCached()
    {
        await using var app = new AppFactory();
        var client = app.CreateClient();
        var channels = app.Services.GetRequiredService<ChannelQuestions>();
        var unknown = Enumerable.Range(0, 200).Select(_ => "no-such-" + Guid.NewGuid().ToString("N")).ToList();

        foreach (var id in unknown)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/channels/{id}")).StatusCode);
        }

        Assert.DoesNotContain(unknown, channels.IsCached);
        Assert.Equal(0, channels.CachedRows);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/channels/databases")).StatusCode);
        Assert.True(channels.IsCached("databases"));
    }

    [Fact]
    public async Task CachedRows_EveryChannelRequested_NeverExceedTheLimit()
    {
        const int limit = 20;
        await using var app = new AppFactory(settings: new Dictionary<string, string?> { ["Channels:CachedRowLimit"] = limit.ToString() });
        var channels = app.Services.GetRequiredService<ChannelQuestions>();
        var catalog = app.Services.GetRequiredService<ChannelCatalog>();
        var all = (await catalog.GetCategoriesAsync()).SelectMany(c => c.Channels).ToList();
        Assert.True(all.Sum(c => c.Total) > limit, "the starter content should not fit in the limit");

        for (var round = 0; round < 3; round++)
        {
            foreach (var channel in all)
            {
                Assert.NotNull(await channels.GetAsync(new ChannelQuery(channel.Id)));
                Assert.InRange(channels.CachedRows, 0, limit);
            }
        }

        Assert.True(channels.CachedRows > 0);
    }
}
