using Microsoft.AspNetCore.Components;

namespace InterviewPrep.Web.Features.Sessions;

/// <summary>
/// A component that shows the <see cref="SessionPlayer"/>'s state (the page, the item view, the
/// navigation): it renders again whenever the player changes, whichever component made the change.
/// </summary>
public abstract class PlayerView : ComponentBase, IDisposable
{
    [Inject] protected SessionPlayer Player { get; set; } = null!;

    protected override void OnInitialized() => Player.Changed += OnPlayerChanged;

    private void OnPlayerChanged() => _ = InvokeAsync(StateHasChanged);

    public virtual void Dispose()
    {
        Player.Changed -= OnPlayerChanged;
        GC.SuppressFinalize(this);
    }
}
