using System.Net;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Features.Accounts;

/// <summary>At least 12 characters, not a common password, not the email's name.</summary>
public sealed class PasswordRulesTests(PasswordRulesTests.App app) : IClassFixture<PasswordRulesTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public ValueTask InitializeAsync() => ValueTask.CompletedTask;

        public ValueTask DisposeAsync() => Factory.DisposeAsync();
    }

    [Theory]
    [InlineData("Aa1!aa")]
    [InlineData("Password1!")]
    [InlineData("Password123!")]
    [InlineData("P@ssw0rd2024!")]
    [InlineData("Qwerty123456!")]
    [InlineData("!1Iloveyou1234")]
    [InlineData("Welcome12345!")]
    [InlineData("Abcdefgh1234!")]
    [InlineData("Aa1!Aa1!Aa1!")]
    public async Task CreateAsync_ShortOrCommonPassword_IsRefused(string password)
    {
        var result = await CreateAsync($"someone-{Guid.NewGuid():N}@example.test", password);

        Assert.False(result.Succeeded, $"{password} was accepted");
    }

    [Fact]
    public async Task CreateAsync_PasswordContainingTheEmailName_IsRefused()
    {
        var result = await CreateAsync("marguerite@example.test", "Marguerite-Studies-7!");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, e => e.Code == "PasswordContainsEmailName");
    }

    [Theory]
    [InlineData("Correct-Horse-Battery-9")]
    [InlineData("Flash-Cards-4-Ever!")]
    [InlineData("Tidal-Orchid-58-Lantern")]
    public async Task CreateAsync_LongUncommonPassword_IsAccepted(string password)
    {
        var result = await CreateAsync($"someone-{Guid.NewGuid():N}@example.test", password);

        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
    }

    [Fact]
    public async Task Register_WithACommonPassword_SaysWhy()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HtmlForms.PostAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "newcomer@example.test",
            ["Input.Password"] = "Password123!",
            ["Input.ConfirmPassword"] = "Password123!",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too common", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Register_WithAShortPassword_SaysTheMinimumLength()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await HtmlForms.PostAsync(client, "/Account/Register", new Dictionary<string, string>
        {
            ["Input.Email"] = "newcomer@example.test",
            ["Input.Password"] = "Aa1!aa",
            ["Input.ConfirmPassword"] = "Aa1!aa",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private async Task<IdentityResult> CreateAsync(string email, string password)
    {
        using var scope = app.Factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        return await users.CreateAsync(new AppUser { UserName = email, Email = email }, password);
    }
}
