using InterviewPrep.Data;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Review;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>
/// What starting or resuming an activity needs. A null learner, or <paramref name="Persist"/> false, plays
/// without a saved session. <paramref name="ReplacesOthers"/>: one at a time of this type (the day's
/// reviews), so other active sessions of the type are abandoned.
/// </summary>
public sealed record PlayerStart(
    string? LearnerId, SessionType Type, ISessionRules Rules, string SessionKey, string Title, string? Subtitle, IReadOnlyList<string> Items,
    string? ChannelId = null, string? CertificationId = null, DateTime? Deadline = null, bool Persist = true,
    bool ReplacesOthers = false, ExamPart? Exam = null);

/// <summary>
/// The session engine a page plays (one per circuit): starting or resuming an activity, moving
/// (next, previous, jump), revealing, the recall text, grading, flagging and finishing, with every step
/// saved through <see cref="SessionService"/> as it happens. What differs between study, review,
/// exams, paths and voice is in their <see cref="ISessionRules"/>; keys and swipes arrive through
/// <see cref="SessionKeys"/>. Pages render its state and call its methods; they build no session data.
/// </summary>
public sealed class SessionPlayer(SessionService sessions, QuestionPageService questions, TimeProvider clock)
{
    private int _version;
    private int? _target;
    private bool _grading;

    /// <summary>Counts the learner's actions on an item (reveal, grade, flag, answer), so a slower read does not undo them.</summary>
    private int _acted;
    private DateTime _shownAt;
    private DateTime _countedFrom;
    private string? _focus;
    private readonly List<Func<Task<bool>>> _leaveGuards = [];

    public ISessionRules? Rules { get; private set; }

    public string? LearnerId { get; private set; }

    /// <summary>The saved session, when the learner has one for this activity.</summary>
    public SessionView? Session { get; private set; }

    public IReadOnlyList<string> Items { get; private set; } = [];

    /// <summary>The position of the item on screen.</summary>
    public int Index { get; private set; }

    /// <summary>Where the learner is going: the position being loaded, else <see cref="Index"/>. Quick moves count from here.</summary>
    public int Target => _target ?? Index;

    /// <summary>A grade is being saved: further grades wait for the next item.</summary>
    public bool Grading => _grading;

    public string? CurrentId => Index >= 0 && Index < Items.Count ? Items[Index] : null;

    /// <summary>The current question; null while loading or when it is no longer available.</summary>
    public QuestionPage? Question { get; private set; }

    /// <summary>True from starting or moving until the item is loaded, so views tell "loading" from "not available".</summary>
    public bool Loading { get; private set; }

    /// <summary>What the learner did with the current item: revealed, recall text, grade, flag.</summary>
    public ItemState Current { get; private set; } = ItemState.Empty;

    public Grade? Graded => Current.Grade is { } g && Enum.IsDefined((Grade)g) ? (Grade)g : null;

    /// <summary>The line that says what the last grade did.</summary>
    public string? GradeStatus { get; private set; }

    public bool HasPrevious => Rules?.Mode == PlayerMode.Deck && Index > 0;

    public bool HasNext => Index < Items.Count - 1;

    public double Percent => Items.Count == 0 ? 0 : 100.0 * (Index + 1) / Items.Count;

    /// <summary>Starts the activity, or resumes its active session; returns the position to resume at, if any.</summary>
    public async Task<int?> StartAsync(PlayerStart start)
    {
        _version++; // a move still loading for the previous activity is dropped
        _target = null;
        Rules = start.Rules;
        LearnerId = start.LearnerId;
        Items = start.Items;
        Index = 0;
        Session = null;
        Question = null;
        Current = ItemState.Empty;
        GradeStatus = null;
        Loading = true;
        if (start.LearnerId is not null && start.Persist && start.Items.Count > 0)
        {
            if (start.ReplacesOthers)
            {
                await sessions.AbandonOthersAsync(start.LearnerId, start.Type, start.SessionKey);
            }

            Session = await sessions.StartOrResumeAsync(new SessionStart(
                start.LearnerId, start.Type, start.SessionKey, start.Title, start.Subtitle, start.Items,
                start.ChannelId, start.CertificationId, start.Deadline, start.Exam));
            if (Session.Status != SessionStatus.Active)
            {
                Session = null;
            }
        }

        NotifyChanged();
        return Session?.CurrentItemId is { } saved && IndexOf(saved) is var at && at >= 0 ? at : null;
    }

    /// <summary>A queue's new contents (review, after each grade); the head is shown next.</summary>
    public void Requeue(IReadOnlyList<string> items)
    {
        Items = items;
        Index = 0;
    }

    public int IndexOf(string itemId)
    {
        for (var i = 0; i < Items.Count; i++)
        {
            if (Items[i] == itemId)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>A view that must be saved before the learner moves on (an unsaved note) says here whether it may.</summary>
    public IDisposable GuardLeaving(Func<Task<bool>> mayLeave)
    {
        _leaveGuards.Add(mayLeave);
        return new Unguard(() => _leaveGuards.Remove(mayLeave));
    }

    /// <summary>
    /// Shows a position; when quick moves overlap, only the latest one's item is kept. False when it
    /// did not move. The position, the question and its state change together, once the question has
    /// loaded: until then the screen and every action stay on the item the learner can see.
    /// </summary>
    public async Task<bool> ShowAsync(int position)
    {
        foreach (var mayLeave in _leaveGuards.ToList())
        {
            if (!await mayLeave())
            {
                return false;
            }
        }

        var version = ++_version;
        _target = position;
        Loading = true;
        var id = position >= 0 && position < Items.Count ? Items[position] : null;
        var loading = id is null ? null : questions.GetAsync(id);
        if (loading is { IsCompleted: false })
        {
            // Only a question that is not in memory is worth a "loading" render.
            NotifyChanged();
        }

        var page = loading is null ? null : (await loading).Page;
        if (version != _version)
        {
            return false;
        }

        (Index, _target, Question, Current, GradeStatus, Loading) = (position, null, page, ItemState.Empty, null, false);
        _shownAt = _countedFrom = clock.UtcNow();
        var acted = _acted;
        NotifyChanged();
        if (LearnerId is not null && page is not null && id is not null)
        {
            var item = new PlayerItem(LearnerId, id, position);
            await Rules!.OnShownAsync(item);
            if (Session is not null && Rules.Mode == PlayerMode.Deck && version == _version)
            {
                // Where the learner is, written at once (unless they have already moved on); and what
                // they had already done with this item, which the save reads anyway.
                var saved = (await sessions.SaveAsync(Session.Id, LearnerId, position, id, new ItemStep(Seen: true)))?.StepItem;
                // What the learner did while this was being written (revealed, graded) is newer than what it read.
                if (saved is not null && (saved.Revealed || saved.Flagged || saved.Answer is not null) && version == _version && acted == _acted)
                {
                    Current = saved;
                    GradeStatus = Graded is { } g ? $"You graded it {g}." : null;
                    NotifyChanged();
                }
            }
        }

        return version == _version;
    }

    /// <summary>Moves to a position in the deck (next, previous or a jump); false when it is out of range or the move was refused.</summary>
    public Task<bool> MoveAsync(int position) =>
        position < 0 || position >= Items.Count || (position < Index && Rules?.Mode != PlayerMode.Deck)
            ? Task.FromResult(false)
            : ShowAsync(position);

    public Task<bool> NextAsync() => MoveAsync(Target + 1);

    public Task<bool> PreviousAsync() => MoveAsync(Target - 1);

    public void SetRecall(string? text)
    {
        if (!Current.Revealed)
        {
            Current = Current with { Recall = text };
        }
    }

    /// <summary>Shows the answer at once and saves the step in the background; false when it was already shown.</summary>
    public bool Reveal(Func<Exception, Task>? onError = null)
    {
        if (Current.Revealed || Loading || Question is null)
        {
            return false;
        }

        _acted++;
        Current = Current with { Revealed = true };
        RequestFocus(".study-answer");
        NotifyChanged();
        _ = SaveRevealAsync(Rules?.Mode == PlayerMode.Deck ? TakeTimeSpent() : TimeSpan.Zero, onError);
        return true;
    }

    /// <summary>The longest one step (showing to revealing, revealing to grading) counts: a tab left open is not study.</summary>
    public static readonly TimeSpan LongestStep = TimeSpan.FromMinutes(5);

    /// <summary>Time on the current item since it was shown or its last saved step, so steps add up without counting twice.</summary>
    private TimeSpan TakeTimeSpent()
    {
        var now = clock.UtcNow();
        var spent = now - _countedFrom;
        _countedFrom = now;
        return spent < TimeSpan.Zero ? TimeSpan.Zero : spent > LongestStep ? LongestStep : spent;
    }

    private async Task SaveRevealAsync(TimeSpan spent, Func<Exception, Task>? onError)
    {
        // Read before any await: the learner may move on while this is being written.
        if (LearnerId is not { } learner || Question is null || CurrentId is not { } id)
        {
            return;
        }

        var (at, recall, session) = (Index, Current.Recall, Session);
        try
        {
            if (session is not null && Rules!.Mode == PlayerMode.Deck)
            {
                await sessions.SaveAsync(session.Id, learner, at, id, new ItemStep(Revealed: true, Recall: recall, TimeSpent: spent));
            }

            await Rules!.OnRevealedAsync(new PlayerItem(learner, id, at));
        }
        catch (Exception e) when (e is not OperationCanceledException && onError is not null)
        {
            await onError(e);
        }
    }

    /// <summary>Grades the revealed item, timed with the app's clock; once per item unless the rules allow more.</summary>
    public async Task<bool> GradeAsync(Grade grade)
    {
        if (LearnerId is not { } learner || Question is null || CurrentId is not { } id || !Current.Revealed
            || Loading || _grading || (Graded is not null && !Rules!.RegradeAllowed))
        {
            return false;
        }

        // One grade at a time: a repeated key or a double click must not grade the item twice.
        _grading = true;
        try
        {
            _acted++;
            Current = Current with { Grade = (int)grade };
            var taken = clock.UtcNow() - _shownAt;
            GradeStatus = await Rules!.OnGradedAsync(new PlayerItem(learner, id, Index), grade, taken);
            if (Session is not null)
            {
                // A queue's position counts the items answered; a deck's is where the learner is.
                var position = Rules.Mode == PlayerMode.Queue ? Session.Position + 1 : Index;
                Session = await sessions.SaveAsync(Session.Id, learner, position, id,
                    new ItemStep(Revealed: true, Grade: (int)grade, TimeSpent: TakeTimeSpent())) is { Status: SessionStatus.Active } saved ? saved : null;
            }
        }
        finally
        {
            _grading = false;
        }

        NotifyChanged();
        return true;
    }

    /// <summary>Marks the current item to come back to, or unmarks it.</summary>
    public async Task ToggleFlagAsync()
    {
        if (CurrentId is not { } id || Loading)
        {
            return;
        }

        _acted++;
        Current = Current with { Flagged = !Current.Flagged };
        if (Session is not null && LearnerId is not null)
        {
            await sessions.SaveAsync(Session.Id, LearnerId, Index, id, new ItemStep(Flagged: Current.Flagged));
        }

        NotifyChanged();
    }

    /// <summary>Keeps the learner's written answer to the current item (exams); false when it was not saved.</summary>
    public async Task<bool> SaveAnswerAsync(string? text)
    {
        if (CurrentId is not { } id || Loading || Current.Revealed)
        {
            return false;
        }

        _acted++;
        Current = Current with { Answer = text ?? "" };
        if (Session is null || LearnerId is null)
        {
            return false;
        }

        var saved = await sessions.SaveAsync(Session.Id, LearnerId, Index, id, new ItemStep(Answer: text ?? ""));
        return saved?.StepItem?.Answer == (text ?? "");
    }

    /// <summary>Ends the session before every item is done.</summary>
    public async Task FinishAsync()
    {
        if (Session is not null && LearnerId is not null)
        {
            Session = await sessions.FinishAsync(Session.Id, LearnerId);
        }

        NotifyChanged();
    }

    /// <summary>Asks the keys component to move focus after the next render (screen readers follow the content).</summary>
    public void RequestFocus(string selector) => _focus = selector;

    public string? TakeFocus()
    {
        var selector = _focus;
        _focus = null;
        return selector;
    }

    /// <summary>The keys every session understands: Space reveals, arrows move, 1–4 grade. False when the page should handle it.</summary>
    public async Task<bool> HandleKeyAsync(string key, Func<Exception, Task>? onError = null)
    {
        switch (key)
        {
            case " ": Reveal(onError); return true;
            case "ArrowRight" when Rules?.Mode == PlayerMode.Deck: await MoveToAsync(Target + 1); return true;
            case "ArrowLeft" when Rules?.Mode == PlayerMode.Deck: await MoveToAsync(Target - 1); return true;
            case "1" or "2" or "3" or "4" when Current.Revealed: await GradeAsync((Grade)(key[0] - '0')); return true;
            default: return false;
        }
    }

    /// <summary>Raised after every change of state, so every view of the player renders again (see <see cref="PlayerView"/>).</summary>
    public event Action? Changed;

    private void NotifyChanged() => Changed?.Invoke();

    /// <summary>Raised after a move the learner made, so the page can let the URL follow.</summary>
    public event Action<string>? Moved;

    /// <summary>Moves and, when it moved, focuses the question and tells the page.</summary>
    public async Task<bool> MoveToAsync(int position)
    {
        if (!await MoveAsync(position))
        {
            return false;
        }

        RequestFocus(".study-question");
        Moved?.Invoke(Items[position]);
        return true;
    }

    private sealed class Unguard(Action undo) : IDisposable
    {
        public void Dispose() => undo();
    }
}
