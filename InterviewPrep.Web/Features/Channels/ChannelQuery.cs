using Microsoft.AspNetCore.WebUtilities;

namespace InterviewPrep.Web.Features.Channels;

/// <summary>How a channel's questions are ordered.</summary>
public enum QuestionOrder { Newest, Relevance, Shuffled }

/// <summary>
/// The filters, order and page of a channel's question list, as they appear in its URL
/// (<c>?difficulty=beginner&amp;tag=sql&amp;order=relevance&amp;page=2</c>), so a list can be shared.
/// </summary>
public sealed record ChannelQuery(
    string ChannelId,
    string? SubChannel = null,
    string? Difficulty = null,
    string? Company = null,
    string? Tag = null,
    string? Level = null,
    QuestionOrder Order = QuestionOrder.Newest,
    int Seed = 0,
    int Page = 1,
    bool ShowTldr = false,
    Study.ProgressFilter Show = Study.ProgressFilter.All)
{
    public const int PageSize = 20;

    public static ChannelQuery FromQueryString(string channelId, IReadOnlyDictionary<string, string?> query)
    {
        var order = query.GetValueOrDefault("order") is { } o && Enum.TryParse<QuestionOrder>(o, ignoreCase: true, out var parsed)
            ? parsed
            : QuestionOrder.Newest;
        return new ChannelQuery(
            channelId,
            Clean(query.GetValueOrDefault("subChannel")),
            Clean(query.GetValueOrDefault("difficulty")),
            Clean(query.GetValueOrDefault("company")),
            Clean(query.GetValueOrDefault("tag")),
            Clean(query.GetValueOrDefault("level")),
            order,
            int.TryParse(query.GetValueOrDefault("seed"), out var seed) ? seed : 0,
            int.TryParse(query.GetValueOrDefault("page"), out var page) && page > 0 ? page : 1,
            string.Equals(query.GetValueOrDefault("tldr"), "show", StringComparison.OrdinalIgnoreCase),
            query.GetValueOrDefault("show")?.Trim().ToLowerInvariant() switch
            {
                "new" => Study.ProgressFilter.OnlyNew,
                "unmastered" => Study.ProgressFilter.HideMastered,
                _ => Study.ProgressFilter.All,
            });
    }

    /// <summary>The URL of this list (relative to the base).</summary>
    public string ToUrl(string path = "channels") => QueryHelpers.AddQueryString($"{path}/{Uri.EscapeDataString(ChannelId)}", Parameters());

    /// <summary>The query-string parameters, without the channel.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Parameters()
    {
        if (SubChannel is not null) yield return new("subChannel", SubChannel);
        if (Difficulty is not null) yield return new("difficulty", Difficulty);
        if (Company is not null) yield return new("company", Company);
        if (Tag is not null) yield return new("tag", Tag);
        if (Level is not null) yield return new("level", Level);
        if (Order != QuestionOrder.Newest) yield return new("order", Order.ToString().ToLowerInvariant());
        if (Order == QuestionOrder.Shuffled) yield return new("seed", Seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Page > 1) yield return new("page", Page.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (ShowTldr) yield return new("tldr", "show");
        if (Show != Study.ProgressFilter.All) yield return new("show", Show == Study.ProgressFilter.OnlyNew ? "new" : "unmastered");
    }

    public bool HasFilters => SubChannel is not null || Difficulty is not null || Company is not null || Tag is not null || Level is not null;

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
