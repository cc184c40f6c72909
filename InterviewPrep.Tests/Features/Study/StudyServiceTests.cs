using InterviewPrep.Data.Content.Search;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Study;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Study;

public sealed class StudyServiceTests : IAsyncLifetime
{
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 5, 1, 8, 0, 0, TimeSpan.Zero));
    private TestDatabase _db = null!;
    private StudyService _study = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(_clock);
        await _db.Initializer(seed: true).SeedAsync();
        _study = _db.StudyService();
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ChannelDeck_FollowsTheChannelsFiltersAndOrder()
    {
        var all = await _study.ChannelDeckAsync(new ChannelQuery("databases"));
        var beginner = await _study.ChannelDeckAsync(new ChannelQuery("databases", Difficulty: "beginner"));

        Assert.Equal(8, all!.QuestionIds.Count);
        Assert.True(beginner!.QuestionIds.Count < 8);
        Assert.All(beginner.QuestionIds, id => Assert.Contains(id, all.QuestionIds));
        Assert.Equal("channels/databases?difficulty=beginner", beginner.BackUrl);
        Assert.Null(await _study.ChannelDeckAsync(new ChannelQuery("databases", Tag: "no-such-tag")));
    }

    [Fact]
    public async Task SearchDeck_IsTheSearchResultsInRankOrder()
    {
        var deck = await _study.SearchDeckAsync("index");
        Assert.NotNull(deck);
        Assert.NotEmpty(deck.QuestionIds);
        Assert.Null(await _study.SearchDeckAsync("zzzzqqqq"));
    }

    [Fact]
    public async Task SeenAndBookmarks_AreRecordedPerLearner()
    {
        await _study.RecordSeenAsync("learner-1", "ip-db-001");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await _study.RecordSeenAsync("learner-1", "ip-db-001");

        Assert.True(await _study.ToggleBookmarkAsync("learner-1", "ip-db-001"));
        Assert.True(await _study.IsBookmarkedAsync("learner-1", "ip-db-001"));
        Assert.False(await _study.IsBookmarkedAsync("learner-2", "ip-db-001"));
        Assert.False(await _study.ToggleBookmarkAsync("learner-1", "ip-db-001"));
        Assert.False(await _study.IsBookmarkedAsync("learner-1", "ip-db-001"));

        await using var db = _db.CreateContext();
        var state = await db.LearnerQuestionStates.SingleAsync();
        Assert.Equal(2, state.SeenCount);
        Assert.Equal(_clock.Now.UtcDateTime.AddMinutes(-5), state.FirstSeenAt);
        Assert.Equal(_clock.Now.UtcDateTime, state.LastSeenAt);
    }

    [Fact]
    public async Task Bookmarks_ListTheLearnersBookmarkedQuestions_NewestFirst()
    {
        await _study.ToggleBookmarkAsync("learner-1", "ip-db-001");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await _study.ToggleBookmarkAsync("learner-1", "ip-db-002");
        await _study.ToggleBookmarkAsync("learner-2", "ip-db-003");

        var bookmarks = await _study.GetBookmarksAsync("learner-1");

        Assert.Equal(["ip-db-002", "ip-db-001"], bookmarks.Select(b => b.Id));
        Assert.All(bookmarks, b => Assert.False(string.IsNullOrWhiteSpace(b.Summary)));
    }
}
