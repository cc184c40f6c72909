using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using InterviewPrep.Web.Features.Study;

namespace InterviewPrep.Web.Features.Certifications;

/// <summary>
/// Certification attempts' rules for the session player: a deck the learner moves through freely. In a
/// timed exam nothing is revealed or graded until it is handed in; in practice and drills the answer
/// opens after each question, which makes it studied, and the learner's mark (wrong, partly, correct
/// as Again, Hard, Good) feeds review unless the learner turned that off for the attempt.
/// </summary>
public sealed class ExamRules(StudyService study, ReviewService reviews) : ISessionRules
{
    public PlayerMode Mode => PlayerMode.Deck;

    /// <summary>Set by the page from the attempt.</summary>
    public bool IntoReview { get; set; } = true;

    public Task OnRevealedAsync(PlayerItem item, CancellationToken ct = default) =>
        study.RecordStudiedAsync(item.LearnerId, item.ItemId, ct);

    public async Task<string?> OnGradedAsync(PlayerItem item, Grade grade, TimeSpan taken, CancellationToken ct = default)
    {
        if (!IntoReview)
        {
            return $"Marked {Describe(grade)}.";
        }

        var outcome = await reviews.SelfGradeAsync(item.LearnerId, item.ItemId, grade, taken, ct);
        return $"Marked {Describe(grade)}: it comes back in review in {FsrsScheduler.FormatInterval(outcome.Interval)}.";
    }

    public static string Describe(Grade grade) => grade switch
    {
        Grade.Again => "wrong",
        Grade.Hard => "partly correct",
        _ => "correct",
    };
}
