using InterviewPrep.Data.Content.Search;
using InterviewPrep.Tests.Infrastructure;

namespace InterviewPrep.Tests.Data.Search;

/// <summary>Search on the original system's real questions.</summary>
public sealed class DatasetSearchTests : IAsyncLifetime
{
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync();
        await _db.Importer.ImportAsync([SharedFolder.TursoDatabase]);
    }

    public ValueTask DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task ExactQuestionWords_FindThatQuestionFirst()
    {
        var search = new QuestionSearch(_db.Factory);

        var results = await search.SearchAsync("100,000 concurrent users 5 backend servers varying complexity");

        Assert.Equal("q-25078", results.Hits.First().Id);
    }

    [Fact]
    public async Task CommonWords_FindManyQuestions_Paged()
    {
        var search = new QuestionSearch(_db.Factory);

        var first = await search.SearchAsync("kubernetes", limit: 20);
        var second = await search.SearchAsync("kubernetes", limit: 20, offset: 20);

        Assert.True(first.Total > 40, $"{first.Total} hits");
        Assert.Equal(20, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.Id).Intersect(second.Hits.Select(h => h.Id)));
    }
}
