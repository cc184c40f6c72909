using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using InterviewPrep.Web.Features.Study;
using MudBlazor.Services;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>A bUnit context with MudBlazor, loose JS interop and a server renderer, as the app runs.</summary>
public static class ComponentTestContext
{
    /// <param name="configure">Registers the test's services (authorization, fakes) before anything is resolved.</param>
    public static BunitContext Create(Action<BunitContext>? configure = null)
    {
        var ctx = new BunitContext();
        ctx.JSInterop.Mode = JSRuntimeMode.Loose;
        ctx.Services.AddMudServices();
        ctx.Services.AddSingleton<AntiforgeryStateProvider, NoAntiforgery>();
        configure?.Invoke(ctx);
        // The app's one clock; a test that controls time registers its own first.
        ctx.Services.TryAddSingleton(TimeProvider.System);
        // The session engine, as the app registers it; it resolves the services the test registered.
        ctx.Services.TryAddScoped<SessionPlayer>();
        ctx.Services.TryAddSingleton<StudyRules>();
        ctx.Services.TryAddSingleton<ReviewRules>();
        ctx.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return ctx;
    }

    private sealed class NoAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken? GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
