using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Channels;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.WebUtilities;

namespace InterviewPrep.Web.Features.Study;

/// <summary>
/// What a study URL asks for: a channel with its filters, or a search. <see cref="Key"/> tells when the
/// deck must be loaded again (not when only the current question or position changes); <see cref="SessionKey"/> is the activity's identity (its URL without the
/// current question), so studying it again resumes its session.
/// </summary>
public sealed record StudyActivity(
    SessionType Type, string Key, string SessionKey, ChannelQuery? Channel, string? SearchText, string? SearchChannel, Difficulty? SearchDifficulty,
    string? PathId = null, string? CompanySlug = null)
{
    public static StudyActivity From(string? channelId, string? searchText, string? searchChannel, string? searchDifficulty, NavigationManager navigation)
    {
        var uri = navigation.ToAbsoluteUri(navigation.Uri);
        var query = QueryHelpers.ParseQuery(uri.Query)
            .ToDictionary(p => p.Key, p => (string?)p.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        var filters = string.Join('&', query.Where(p => p.Key is not ("at" or "question")).OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}"));
        var key = $"{channelId}|{searchText}|{filters}";
        if (channelId is not null)
        {
            var channel = ChannelQuery.FromQueryString(channelId, query);
            return new(SessionType.Channel, key, (channel with { Page = 1 }).ToUrl("study"), channel, null, null, null);
        }

        // A learning path: its questions in milestone order, one session per learner and path.
        if (Clean(query.GetValueOrDefault("path")) is { } pathId)
        {
            return new(SessionType.LearningPath, key, PathSessionKey(pathId), null, null, null, null, pathId);
        }

        var (text, inChannel, difficulty) = (string.IsNullOrWhiteSpace(searchText) ? null : searchText, Clean(searchChannel), Clean(searchDifficulty));

        // A company's questions across channels, with the company page's filters.
        if (Clean(query.GetValueOrDefault("company")) is { } company)
        {
            var companyKey = QueryHelpers.AddQueryString("study", new Dictionary<string, string?>
            {
                ["company"] = company, ["channel"] = inChannel, ["difficulty"] = difficulty,
            }.Where(p => p.Value is not null));
            return new(SessionType.Search, key, companyKey, null, null, inChannel,
                Vocabulary.TryParse<Difficulty>(difficulty, out var cd) ? cd : null, CompanySlug: company);
        }

        var sessionKey = QueryHelpers.AddQueryString("study", new Dictionary<string, string?>
        {
            ["q"] = searchText, ["channel"] = inChannel, ["difficulty"] = difficulty,
        }.Where(p => p.Value is not null));
        return new(SessionType.Search, key, sessionKey, null, text, inChannel,
            Vocabulary.TryParse<Difficulty>(difficulty, out var d) ? d : null);
    }

    /// <summary>The study session of a learning path: one per learner and path.</summary>
    public static string PathSessionKey(string pathId) => QueryHelpers.AddQueryString("study", "path", pathId);

    public Task<StudyDeck?> LoadDeckAsync(StudyService study, string? learnerId) =>
        PathId is not null ? study.PathDeckAsync(PathId, learnerId)
        : CompanySlug is not null ? study.CompanyDeckAsync(CompanySlug, SearchChannel, SearchDifficulty)
        : Channel is not null ? study.ChannelDeckAsync(Channel, learnerId)
        : SearchText is null ? Task.FromResult<StudyDeck?>(null)
        : study.SearchDeckAsync(SearchText, SearchChannel, SearchDifficulty);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
