using InterviewPrep.Data.Entities;

namespace InterviewPrep.Data.Content.Search;

/// <summary>A hit as the index returns it: title and snippet with matches between marker characters.</summary>
public sealed record IndexHit(string Id, string Text, string Channel, string SubChannel, Difficulty Difficulty, string MarkedTitle, string MarkedSnippet)
{
    /// <summary>Every hit an index reads: the columns id, question, channel, sub-channel, difficulty, marked title, marked snippet.</summary>
    public static async Task<IReadOnlyList<IndexHit>> ReadAllAsync(System.Data.Common.DbCommand command, CancellationToken ct)
    {
        var hits = new List<IndexHit>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            hits.Add(new IndexHit(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                Vocabulary.Parse<Difficulty>(reader.GetString(4)), reader.GetString(5), reader.GetString(6)));
        }

        return hits;
    }
}

/// <summary>
/// A full-text index of the active questions (question, answer, explanation, tags, companies), one
/// per database engine: FTS5 on SQLite, <c>tsvector</c> with a GIN index on PostgreSQL. Both rank a
/// match in the question text highest, then tags, answer, companies and explanation, and mark
/// matches in snippets with <see cref="QuestionSearch.Open"/> and <see cref="QuestionSearch.Close"/>.
/// </summary>
public interface ISearchIndex
{
    /// <summary>A page of hits, best first.</summary>
    Task<IReadOnlyList<IndexHit>> SearchAsync(
        AppDbContext db, SearchTerms terms, string? channel, Difficulty? difficulty, int limit, int offset, CancellationToken ct);

    Task<int> CountAsync(AppDbContext db, SearchTerms terms, string? channel, Difficulty? difficulty, CancellationToken ct);

    /// <summary>Rebuilds the index from the questions table.</summary>
    Task RebuildAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Tidies the index after many writes, in short steps, while the app serves.</summary>
    Task MergeAsync(AppDbContext db, CancellationToken ct);

    /// <summary>Tidies the index after many writes, in one go.</summary>
    Task OptimizeAsync(AppDbContext db, CancellationToken ct);
}
