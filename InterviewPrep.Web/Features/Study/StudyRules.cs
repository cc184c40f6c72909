using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;

namespace InterviewPrep.Web.Features.Study;

/// <summary>
/// Study mode's rules for the session player: a view is recorded when a question is shown, revealing
/// the answer makes it studied, and a self-grade puts it in review, scheduled by the grade.
/// </summary>
public sealed class StudyRules(StudyService study, ReviewService reviews) : ISessionRules
{
    public PlayerMode Mode => PlayerMode.Deck;

    public Task OnShownAsync(PlayerItem item, CancellationToken ct = default) =>
        study.RecordSeenAsync(item.LearnerId, item.ItemId, ct);

    // Revealing the answer is what makes a question studied; a view alone is not.
    public Task OnRevealedAsync(PlayerItem item, CancellationToken ct = default) =>
        study.RecordStudiedAsync(item.LearnerId, item.ItemId, ct);

    public async Task<string?> OnGradedAsync(PlayerItem item, Grade grade, TimeSpan taken, CancellationToken ct = default)
    {
        var outcome = await reviews.SelfGradeAsync(item.LearnerId, item.ItemId, grade, taken, ct);
        return $"Graded {grade}: it comes back in review in {FsrsScheduler.FormatInterval(outcome.Interval)}.";
    }
}
