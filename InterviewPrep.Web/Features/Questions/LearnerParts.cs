using InterviewPrep.Web.Features.Accounts;

namespace InterviewPrep.Web.Features.Questions;

/// <summary>
/// The learner's parts of a public page (a question's bookmark and review buttons, its note). A
/// public page served to a visitor without a learner (it may come from the output cache) holds a
/// <see cref="LearnerPartSlot"/> for each; js/learner-parts.js then asks for a learner id here and
/// takes the parts from the page rendered for that learner, so its forms are the page's own.
/// </summary>
public static class LearnerParts
{
    public const string Actions = "question-actions";
    public const string Note = "question-note";
    public const string Report = "question-report";

    public static IEndpointRouteBuilder MapLearnerParts(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/learner", (HttpContext context, AnonymousLearner learners) =>
        {
            learners.Ensure(context);
            context.Response.Headers.CacheControl = "no-store";
            return Results.NoContent();
        });
        return app;
    }
}
