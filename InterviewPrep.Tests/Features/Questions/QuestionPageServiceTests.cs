using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Tests.Features.Questions;

/// <summary>Related questions: strongest relationship first, the sub-channel as a fallback, active questions only.</summary>
public sealed class QuestionPageServiceTests : IAsyncLifetime
{
    private TestDatabase _db = null!;
    private QuestionPageService _service = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Initializer(seed: true).SeedAsync();
        _service = new QuestionPageService(_db.Factory, new ContentHtml(), new ChannelCatalog(_db.Factory));
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Related_AreOrderedByStrength()
    {
        await using var db = _db.CreateContext();
        var source = await db.QuestionRelationships.GroupBy(r => r.SourceQuestionId).Where(g => g.Count() >= 2).Select(g => g.Key).FirstAsync();
        var expected = await db.QuestionRelationships.Where(r => r.SourceQuestionId == source)
            .OrderByDescending(r => r.Strength).Select(r => r.TargetQuestionId).Take(QuestionPageService.RelatedLimit).ToListAsync();

        var page = (await _service.GetAsync(source)).Page!;

        Assert.Equal(expected, page.Related.Select(r => r.Id));
        Assert.All(page.Related, r => Assert.NotNull(r.RelationshipType));
    }

    [Fact]
    public async Task WithoutRelationships_TheSubChannelStandsIn_AndRemovedQuestionsNeverShow()
    {
        await using var db = _db.CreateContext();
        var lonely = await db.Questions.Where(q => !db.QuestionRelationships.Any(r => r.SourceQuestionId == q.Id)).FirstAsync();
        var siblings = await db.Questions.Where(q => q.Channel == lonely.Channel && q.SubChannel == lonely.SubChannel && q.Id != lonely.Id)
            .Select(q => q.Id).ToListAsync();
        Assert.NotEmpty(siblings);
        await _db.Changes.SoftDeleteAsync(siblings[0], new InterviewPrep.Data.Content.ChangeSource(HistoryEventSources.Admin, "tests"));

        var page = (await _service.GetAsync(lonely.Id)).Page!;

        Assert.Equal(siblings.Skip(1).Order(), page.Related.Select(r => r.Id).Order());
        Assert.All(page.Related, r => Assert.Null(r.RelationshipType));
    }
}
