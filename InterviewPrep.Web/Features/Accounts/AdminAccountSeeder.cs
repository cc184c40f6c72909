using System.Security.Cryptography;
using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Accounts;

/// <summary>Configuration section <c>Admin</c>: the first admin account.</summary>
public sealed class AdminOptions
{
    public const string Section = "Admin";

    public string? Email { get; set; }

    public string? Password { get; set; }
}

/// <summary>
/// Creates the roles, and the first admin from <c>Admin:Email</c>/<c>Admin:Password</c>. In
/// Development with none configured it creates one and prints its credentials once; elsewhere it
/// warns that no admin exists.
/// </summary>
public sealed class AdminAccountSeeder(
    UserManager<AppUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> options,
    IHostEnvironment environment,
    ILogger<AdminAccountSeeder> logger)
{
    public const string DevelopmentAdminEmail = "admin@interviewprep.local";

    public async Task SeedAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        var (email, password) = (options.Value.Email, options.Value.Password);
        if (!string.IsNullOrWhiteSpace(email) && !string.IsNullOrWhiteSpace(password))
        {
            await EnsureAdminAsync(email.Trim(), password, printCredentials: false);
            return;
        }

        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0)
        {
            return;
        }

        if (environment.IsDevelopment())
        {
            await EnsureAdminAsync(DevelopmentAdminEmail, GeneratePassword(), printCredentials: true);
        }
        else
        {
            logger.LogWarning("No admin account exists. Set Admin:Email and Admin:Password to create one.");
        }
    }

    private async Task EnsureAdminAsync(string email, string password, bool printCredentials)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is not null && !await users.IsInRoleAsync(user, Roles.Admin) && !await users.CheckPasswordAsync(user, password))
        {
            // Someone registered this address first: promoting them would hand the site to whoever did.
            logger.LogError(
                "An account {Email} already exists and its password is not Admin:Password; it was NOT made an admin. " +
                "Sign in as that account to prove it is yours, or configure another Admin:Email.", email);
            return;
        }

        if (user is null)
        {
            user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password), $"create the admin account {email}");
            logger.LogInformation("Created the admin account {Email}", email);
            if (printCredentials)
            {
                // Printed once: the next start finds the account and prints nothing.
                Console.WriteLine($"""

                    ==== Development admin account created ====
                      email:    {email}
                      password: {password}
                    Set Admin:Email and Admin:Password to choose your own.
                    ===========================================

                    """);
            }
        }

        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            Check(await users.AddToRoleAsync(user, Roles.Admin), $"make {email} an admin");
        }
    }

    private static string GeneratePassword() =>
        "Ip-" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(12)).Replace('/', 'x').Replace('+', 'y') + "9a";

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
