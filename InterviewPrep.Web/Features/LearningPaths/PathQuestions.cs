using InterviewPrep.Data;
using InterviewPrep.Data.Content.Search;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewPrep.Web.Features.LearningPaths;

/// <summary>A milestone as an editor holds it: its title and its questions in order.</summary>
public sealed class MilestoneForm
{
    public string Title { get; set; } = "";
    public List<string> QuestionIds { get; set; } = [];
}

/// <summary>A question as a path editor shows it.</summary>
public sealed record EditorQuestion(string Text, Difficulty Difficulty, string Channel, bool Active);

/// <summary>Where the path editors (an admin's, a learner's own) find questions: by id, by channel, and a learner's bookmarks.</summary>
public sealed class PathQuestions(IDbContextFactory<AppDbContext> dbFactory)
{
    /// <summary>The questions of these ids that exist, with their text, whatever their status (the editor shows which are not active).</summary>
    public async Task<IReadOnlyDictionary<string, EditorQuestion>> GetAsync(IReadOnlyCollection<string> ids, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = ids.Distinct().ToList();
        return await db.Questions.AsNoTracking()
            .Where(q => EF.Parameter(list).Contains(q.Id))
            .Select(q => new { q.Id, q.Text, q.Difficulty, q.Channel, q.Status })
            .ToDictionaryAsync(q => q.Id, q => new EditorQuestion(q.Text, q.Difficulty, q.Channel, q.Status == QuestionStatus.Active), StringComparer.Ordinal, ct);
    }

    /// <summary>A channel's active questions, easiest first.</summary>
    public async Task<IReadOnlyList<SearchHit>> ChannelAsync(string channelId, int take, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Questions.AsNoTracking()
            .Where(q => q.Channel == channelId && q.Status == QuestionStatus.Active)
            .OrderBy(q => q.Difficulty).ThenBy(q => q.Id)
            .Take(take)
            .Select(q => new SearchHit(q.Id, q.Text, q.Channel, q.SubChannel, q.Difficulty, q.Text, ""))
            .ToListAsync(ct);
    }

    /// <summary>A learner's bookmarked active questions, in the order they bookmarked them.</summary>
    public async Task<IReadOnlyList<string>> BookmarksAsync(string learnerId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.LearnerQuestionStates.AsNoTracking()
            .Where(s => s.LearnerId == learnerId && s.Bookmarked && s.Question!.Status == QuestionStatus.Active)
            .OrderBy(s => s.BookmarkedAt).ThenBy(s => s.QuestionId)
            .Select(s => s.QuestionId)
            .ToListAsync(ct);
    }
}
