using InterviewPrep.Web.Features.Review;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>How the player moves through a session's items.</summary>
public enum PlayerMode
{
    /// <summary>A fixed list the learner moves through freely (study, exams, paths); each item keeps its state.</summary>
    Deck,

    /// <summary>A queue the service recomputes after each answer (review); the current item is its head.</summary>
    Queue,
}

/// <summary>One item as the rules see it: whose, which, and where in the session.</summary>
public sealed record PlayerItem(string LearnerId, string ItemId, int Position);

/// <summary>
/// What differs between kinds of session. The <see cref="SessionPlayer"/> owns moving, revealing,
/// grading, flagging, saving and keys; a kind of session supplies its rules here. Exams, learning paths
/// and voice interviews add theirs (a deadline or time limit, milestones, a recorder's answer) by
/// implementing this interface and giving the page their own item view.
/// </summary>
public interface ISessionRules
{
    PlayerMode Mode { get; }

    /// <summary>An item was shown to the learner (study records the view).</summary>
    Task OnShownAsync(PlayerItem item, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>The answer was revealed (study records the question as studied).</summary>
    Task OnRevealedAsync(PlayerItem item, CancellationToken ct = default) => Task.CompletedTask;

    /// <summary>The learner graded the item after <paramref name="taken"/>; returns the line the page shows.</summary>
    Task<string?> OnGradedAsync(PlayerItem item, Grade grade, TimeSpan taken, CancellationToken ct = default) => Task.FromResult<string?>(null);

    /// <summary>Whether an item may be graded again once graded in this session (review: each grade moves on).</summary>
    bool RegradeAllowed => false;
}
