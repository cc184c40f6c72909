using InterviewPrep.Web.Features.Caching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Caching;

/// <summary>
/// A visitor who leaves in the middle of a download cuts the response short. The server then stops
/// writing without an error (the static file middleware does this when the request is aborted), and
/// the output cache would keep the part sent so far and give it to every later visitor; for the
/// diagram library's chunks, which browsers keep for a year, that breaks diagrams for good.
/// </summary>
public sealed class CutShortResponseTests
{
    private const int Half = 10_000;

    [Fact]
    public async Task AResponseCutShortByTheVisitor_IsNotKept_AndTheNextVisitorGetsItWhole()
    {
        var calls = 0;
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddSingleton<ClientLibraryCachePolicy>();
        builder.Services.AddOutputCache(o => o.AddBasePolicy(b => b.AddPolicy<ClientLibraryCachePolicy>(), excludeDefaultPolicy: true));
        await using var app = builder.Build();
        app.UseOutputCache();
        app.MapGet(ClientLibraryCachePolicy.Path + "/chunk.mjs", async context =>
        {
            context.Response.ContentType = "text/javascript";
            await context.Response.WriteAsync(new string('a', Half));
            if (Interlocked.Increment(ref calls) == 1)
            {
                // The first visitor leaves half-way.
                context.Abort();
                return;
            }

            await context.Response.WriteAsync(new string('b', Half));
        });
        await app.StartAsync(TestContext.Current.CancellationToken);
        var client = app.GetTestClient();

        await Assert.ThrowsAnyAsync<Exception>(() => client.GetStringAsync(ClientLibraryCachePolicy.Path + "/chunk.mjs", TestContext.Current.CancellationToken));
        var next = await client.GetAsync(ClientLibraryCachePolicy.Path + "/chunk.mjs", TestContext.Current.CancellationToken);
        var again = await client.GetAsync(ClientLibraryCachePolicy.Path + "/chunk.mjs", TestContext.Current.CancellationToken);

        Assert.False(next.Headers.Contains("Age"), "the part sent to the first visitor was not kept");
        Assert.Equal(2 * Half, (await next.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Length);
        Assert.True(again.Headers.Contains("Age"), "a whole response is kept");
        Assert.Equal(2 * Half, (await again.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Length);
        Assert.Equal(2, calls);
    }
}
