using System.Net;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Data.Content.Search;

/// <summary>A search hit: the question, where it lives, and highlighted snippets (safe HTML).</summary>
public sealed record SearchHit(string Id, string Text, string Channel, string SubChannel, Difficulty Difficulty, string TitleHtml, string SnippetHtml);

/// <param name="AnyWord">No question has every word: these have some of them, best first.</param>
public sealed record SearchResults(string Query, IReadOnlyList<SearchHit> Hits, int Total, bool AnyWord = false);

/// <summary>
/// Full-text search over question, answer, explanation, tags and companies, on the index of the
/// database's engine (<see cref="ISearchIndex"/>). Any text a person types is turned into words
/// (<see cref="SearchTerms"/>), so search syntax never reaches the database.
/// </summary>
public sealed class QuestionSearch(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int MaxTerms = SearchTerms.MaxTerms;

    /// <summary>Marks the start of a match in an index's title and snippet.</summary>
    public const char Open = '\u0001';

    /// <summary>Marks the end of a match.</summary>
    public const char Close = '\u0002';

    /// <param name="countAll">Count every match (for "N questions match"); suggestions do not need it.</param>
    /// <param name="asYouType">The last word is still being typed: match it as a prefix.</param>
    public async Task<SearchResults> SearchAsync(
        string? text, string? channel = null, Difficulty? difficulty = null, int limit = 20, int offset = 0,
        bool countAll = true, bool asYouType = false, CancellationToken ct = default)
    {
        var terms = SearchTerms.Parse(text, asYouType);
        if (terms is null)
        {
            return new SearchResults(text ?? "", [], 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var index = IndexOf(db);
        var found = await index.SearchAsync(db, terms, channel, difficulty, limit, offset, ct);
        // No question has all the words (a question typed in full, a word not in any answer): rank those with
        // any of them, so "how does tcp handshake work" still finds the TCP handshake.
        if (found.Count == 0 && terms.Words.Count > 1 && (offset == 0 || await index.CountAsync(db, terms, channel, difficulty, ct) == 0))
        {
            terms = terms.Relaxed();
            found = await index.SearchAsync(db, terms, channel, difficulty, limit, offset, ct);
        }

        var hits = found
            .Select(h => new SearchHit(h.Id, h.Text, h.Channel, h.SubChannel, h.Difficulty, Highlight(h.MarkedTitle), Highlight(SnippetText.Plain(h.MarkedSnippet))))
            .ToList();

        var total = hits.Count + offset;
        if (countAll && (hits.Count == limit || hits.Count == 0 && offset > 0))
        {
            total = await index.CountAsync(db, terms, channel, difficulty, ct);
        }

        return new SearchResults(text!, hits, total, terms.AnyWord);
    }

    /// <summary>Rebuilds the index from the questions table (after a restore or a bulk change made outside the app).</summary>
    public async Task RebuildAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await IndexOf(db).RebuildAsync(db, ct);
    }

    /// <summary>
    /// Tidies the index like <see cref="OptimizeAsync"/>, but in short steps, each its own short
    /// transaction, so the app's writes wait for one step at most (an import runs it while the app is serving).
    /// </summary>
    public async Task MergeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await IndexOf(db).MergeAsync(db, ct);
    }

    /// <summary>Tidies the index in one go, which keeps searches fast after many writes (an import).</summary>
    public async Task OptimizeAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await IndexOf(db).OptimizeAsync(db, ct);
    }

    /// <summary>The FTS5 query for what a person typed (see <see cref="Fts5SearchIndex.MatchExpression"/>); null when there is nothing to search for.</summary>
    public static string? ToMatchExpression(string? text, bool asYouType = false) =>
        SearchTerms.Parse(text, asYouType) is { } terms ? Fts5SearchIndex.MatchExpression(terms) : null;

    private static ISearchIndex IndexOf(AppDbContext db) =>
        db.Database.IsNpgsql() ? PostgreSqlSearchIndex.Instance : Fts5SearchIndex.Instance;

    /// <summary>Encodes the text, then turns the match markers into &lt;mark&gt;.</summary>
    private static string Highlight(string marked) =>
        WebUtility.HtmlEncode(marked).Replace(Open.ToString(), "<mark>", StringComparison.Ordinal).Replace(Close.ToString(), "</mark>", StringComparison.Ordinal);
}
