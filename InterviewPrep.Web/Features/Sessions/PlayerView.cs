using Microsoft.AspNetCore.Components;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>
/// A component that shows the <see cref="SessionPlayer"/>'s state (the page, the item view, the
/// navigation): it renders again whenever the player changes, whichever component made the change.
/// </summary>
/// <remarks>
/// Views render together: the outermost view listens to the player and cascades itself
/// (<c>&lt;CascadingValue TValue="PlayerView" Value="this"&gt;</c>), so the views inside it render in the same batch. Were each to render on its
/// own, the browser could show the new position above the old answer for a moment, and a key pressed
/// then would act on what is no longer there.
/// </remarks>
public abstract class PlayerView : ComponentBase, IDisposable
{
    [Inject] protected SessionPlayer Player { get; set; } = null!;

    /// <summary>The view this one is rendered inside, if any: it renders this one with itself.</summary>
    [CascadingParameter] private PlayerView? Outer { get; set; }

    private bool _listening;

    protected override void OnInitialized()
    {
        if (Outer is null)
        {
            Player.Changed += OnPlayerChanged;
            _listening = true;
        }
    }

    private void OnPlayerChanged() => _ = InvokeAsync(StateHasChanged);

    public virtual void Dispose()
    {
        if (_listening)
        {
            Player.Changed -= OnPlayerChanged;
        }

        GC.SuppressFinalize(this);
    }
}
