using InterviewPrep.Data.Entities;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Tests.Infrastructure;

/// <summary>The app's password hasher, counting how many hashes it verified: sign-in work made observable without timing.</summary>
public sealed class CountingPasswordHasher(IOptions<PasswordHasherOptions> options) : IPasswordHasher<AppUser>
{
    private readonly PasswordHasher<AppUser> _inner = new(options);
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }

    public void Reset() => Interlocked.Exchange(ref _verifications, 0);
}

public static class CountingPasswordHasherExtensions
{
    /// <summary>The same app with its password hasher counting verifications.</summary>
    public static (Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> App, CountingPasswordHasher Hasher) WithCountingPasswordHasher(this AppFactory app)
    {
        var counting = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<CountingPasswordHasher>();
            services.AddScoped<IPasswordHasher<AppUser>>(sp => sp.GetRequiredService<CountingPasswordHasher>());
        }));
        return (counting, counting.Services.GetRequiredService<CountingPasswordHasher>());
    }
}
