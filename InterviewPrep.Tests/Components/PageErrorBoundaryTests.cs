using Bunit;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace InterviewPrep.Tests.Components;

/// <summary>A failed action shows a friendly message with Retry instead of ending the circuit.</summary>
public sealed class PageErrorBoundaryTests
{
    [Fact]
    public async Task AChildThatThrows_ShowsTheMessage_AndRetryRendersThePageAgain()
    {
        await using var ctx = ComponentTestContext.Create();
        var failures = new Failures { Left = 1 };
        var boundary = ctx.Render<PageErrorBoundary>(p => p.AddChildContent<Flaky>(c => c.Add(f => f.Failures, failures)));

        await boundary.Find("[data-testid=act]").ClickAsync(new());

        boundary.WaitForAssertion(() => Assert.Contains("Something went wrong", boundary.Find("[data-testid=page-error]").TextContent));
        Assert.Empty(boundary.FindAll("[data-testid=act]"));

        await boundary.Find("[data-testid=page-error-retry]").ClickAsync(new());
        await boundary.Find("[data-testid=act]").ClickAsync(new());
        Assert.Empty(boundary.FindAll("[data-testid=page-error]"));
        Assert.Equal("done", boundary.Find("[data-testid=act]").TextContent);
    }

    public sealed class Failures
    {
        public int Left { get; set; }
    }

    /// <summary>A page whose action fails the first <see cref="Failures"/> times.</summary>
    public sealed class Flaky : ComponentBase
    {
        [Parameter] public Failures Failures { get; set; } = new();

        private bool done;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenElement(0, "button");
            builder.AddAttribute(1, "data-testid", "act");
            builder.AddAttribute(2, "onclick", EventCallback.Factory.Create(this, Act));
            builder.AddContent(3, done ? "done" : "act");
            builder.CloseElement();
        }

        private void Act()
        {
            if (Failures.Left-- > 0)
            {
                throw new InvalidOperationException("The action failed.");
            }

            done = true;
        }
    }
}
