using InterviewPrep.Web.Features.Sessions;

namespace InterviewPrep.Web.Features.Review;

/// <summary>Review's rules for the session player: a queue that moves on after each grade, which schedules the card.</summary>
public sealed class ReviewRules(ReviewService reviews) : ISessionRules
{
    public PlayerMode Mode => PlayerMode.Queue;

    public bool RegradeAllowed => true;

    public async Task<string?> OnGradedAsync(PlayerItem item, Grade grade, TimeSpan taken, CancellationToken ct = default)
    {
        await reviews.GradeAsync(item.LearnerId, item.ItemId, grade, taken, ct);
        return null;
    }
}
