using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Admin;

/// <summary>Every route under /admin, read from the app's own route table: anonymous visitors sign in, learners get a 403, admins get the page.</summary>
public sealed class AdminAccessTests
{
    private const string Question = "ip-db-001";
    private const string LearnerPassword = "Quiet-Harbour-73-Lamp";

    [Fact]
    public async Task EveryAdminRoute_RefusesAnonymousAndLearners_AndServesAdmins()
    {
        await using var app = new AppFactory();
        using var anonymous = Client(app);
        var routes = AdminRoutes(app);
        Assert.True(routes.Count >= 5, $"expected the admin pages in the route table, found: {string.Join(", ", routes.Select(r => r.Pattern))}");
        foreach (var route in routes)
        {
            // The endpoint itself demands the role, whatever the page renders.
            Assert.Contains(route.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(), a => a.Roles?.Split(',').Contains(Roles.Admin) == true);
        }

        using var learner = Client(app);
        await CreateUserAsync(app, "learner@example.test", LearnerPassword);
        await SignInAsync(learner, "learner@example.test", LearnerPassword);
        using var admin = Client(app);
        await SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);

        foreach (var route in routes)
        {
            var url = route.Url;
            var refused = await anonymous.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/Account/Login", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

            var forbidden = await learner.GetAsync(url);
            Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
            Assert.Contains("data-testid=\"status-page\"", await forbidden.Content.ReadAsStringAsync(), StringComparison.Ordinal);

            var served = await admin.GetAsync(url);
            Assert.True(served.StatusCode == HttpStatusCode.OK, $"{url}: {served.StatusCode}");
            if (served.Content.Headers.ContentType?.MediaType == "text/html")
            {
                // Rendered whole: with its title, and not the error boundary's message.
                var html = await served.Content.ReadAsStringAsync();
                Assert.Matches("<title>[^<]*Admin · InterviewPrep</title>", html);
            }
        }

        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"{routes.Count} admin routes: {string.Join(", ", routes.Select(r => r.Pattern))}");
    }

    [Fact]
    public async Task AdminLink_ShowsOnlyForAdmins()
    {
        await using var app = new AppFactory();
        using var learner = Client(app);
        await CreateUserAsync(app, "learner2@example.test", LearnerPassword);
        await SignInAsync(learner, "learner2@example.test", LearnerPassword);
        using var admin = Client(app);
        await SignInAsync(admin, AppFactory.AdminEmail, AppFactory.AdminPassword);

        Assert.DoesNotContain("data-testid=\"nav-admin\"", await learner.GetStringAsync("/dashboard"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"nav-admin\"", await admin.GetStringAsync("/dashboard"), StringComparison.Ordinal);
    }

    internal sealed record AdminRoute(string Pattern, string Url, Endpoint Endpoint);

    /// <summary>The app's routes under /admin, with their parameters filled in with a real question.</summary>
    internal static IReadOnlyList<AdminRoute> AdminRoutes(AppFactory app)
    {
        _ = app.Server; // builds the app, so the route table is complete
        return app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && (raw.TrimStart('/') + "/").StartsWith("admin/", StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.RoutePattern.RawText!)
            .Select(g => new AdminRoute(g.Key, Fill(g.Key), g.First()))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)
            .ToList();
    }

    private static string Fill(string pattern) =>
        "/" + System.Text.RegularExpressions.Regex.Replace(pattern.TrimStart('/'), @"\{[^}]+\}", Question);

    internal static HttpClient Client(AppFactory app)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    internal static async Task SignInAsync(HttpClient client, string email, string password)
    {
        var response = await HtmlForms.PostAsync(client, "/Account/Login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    internal static async Task CreateUserAsync(AppFactory app, string email, string password)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var result = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true }, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
