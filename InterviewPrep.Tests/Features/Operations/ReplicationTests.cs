using System.Diagnostics;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InterviewPrep.Tests.Features.Operations;

/// <summary>
/// PostgreSQL's streaming replication for an InterviewPrep database, as the README describes it: a primary
/// and a hot standby made with <c>pg_basebackup -R</c>, both started here from the machine's binaries. The app
/// runs on the primary; questions and accounts it writes are read back on the standby, which refuses writes.
/// The lag is printed, not asserted (the suite runs on shared machines); <c>-- replication</c> in the
/// benchmarks measures it.
/// </summary>
[Trait(TestProvider.Trait, "PostgreSQL")]
public sealed class ReplicationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task WritesThroughTheAppOnThePrimary_AreReadOnTheStandby()
    {
        TestProvider.RequirePostgreSql();
        await using var pair = await ReplicatedPair.StartAsync();
        await using var app = new AppFactory(database: pair.Primary.ConnectionString(ReplicatedPair.Database));
        _ = app.Server; // migrated and seeded on the primary

        var lags = new List<TimeSpan>();
        for (var i = 0; i < 5; i++)
        {
            var id = $"replicated-{i}";
            await app.Services.GetRequiredService<ContentChangeService>().UpsertAsync(new QuestionData
            {
                Id = id,
                Text = $"Which replica serves read {i}?",
                Answer = "The standby, once it has replayed the primary's WAL.",
                Explanation = "Streaming replication.",
                Channel = "database",
                SubChannel = "replication",
                Difficulty = Difficulty.Intermediate,
            }, new ChangeSource("admin", "tests"));
            lags.Add(await pair.WaitForAsync("SELECT question FROM questions WHERE id = @id", id, $"Which replica serves read {i}?"));

            using var scope = app.Services.CreateScope();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var email = $"learner-{i}@example.test";
            var created = await users.CreateAsync(new AppUser { UserName = email, Email = email }, "Hot-Standby-Reads-42");
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
            var userId = (await users.FindByEmailAsync(email))!.Id;
            lags.Add(await pair.WaitForAsync("SELECT email FROM users WHERE id = @id", userId, email));
        }

        output.WriteLine($"seen on the standby after {string.Join(", ", lags.Select(l => $"{l.TotalMilliseconds:N1} ms"))}");
        Assert.Equal("streaming", await pair.ReplicationStateAsync());
        var refusal = await Assert.ThrowsAsync<PostgresException>(() => pair.ExecuteOnStandbyAsync("DELETE FROM questions"));
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refusal.SqlState);
    }
}
