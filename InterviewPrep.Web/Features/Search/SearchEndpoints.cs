using InterviewPrep.Data.Content.Search;

namespace InterviewPrep.Web.Features.Search;

/// <summary>Suggestions for the app bar's search box, as the learner types.</summary>
public static class SearchEndpoints
{
    public sealed record Suggestion(string Id, string TitleHtml, string Channel);

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search/suggest", async (string? q, QuestionSearch search, CancellationToken ct) =>
        {
            var results = await search.SearchAsync(q, limit: 8, countAll: false, asYouType: true, ct: ct);
            return Results.Ok(results.Hits.Select(h => new Suggestion(h.Id, h.TitleHtml, h.Channel)));
        });
        return app;
    }
}
