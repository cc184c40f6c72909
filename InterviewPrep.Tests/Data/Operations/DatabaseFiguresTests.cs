using System.Diagnostics.Metrics;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Diagnostics;
using InterviewPrep.Data.Entities;
using InterviewPrep.Data.Interceptors;
using InterviewPrep.Data.Operations;
using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewPrep.Tests.Data.Operations;

/// <summary>The monitoring page's database figures on the running provider: size, daily samples, JSON columns, weekly growth, and the metrics interceptor.</summary>
public sealed class DatabaseFiguresTests : IAsyncLifetime
{
    // A Wednesday: its week began on Monday 23 November.
    private readonly FixedClock _clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));
    private readonly ServiceProvider _meters = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private DatabaseMetrics _metrics = null!;
    private TestDatabase _db = null!;

    public async ValueTask InitializeAsync()
    {
        _metrics = new DatabaseMetrics(_meters.GetRequiredService<IMeterFactory>(), _clock);
        _db = await TestDatabase.CreateAsync(_clock, new DatabaseMetricsInterceptor(_metrics));
    }

    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        await _meters.DisposeAsync();
    }

    private DatabaseFigures Figures() => new(_db.Factory, _clock);

    private Task SaveAsync(string id, params string[] tags) => _db.Changes.UpsertAsync(new QuestionData
    {
        Id = id, Text = $"Question {id}?", Answer = "An answer.", Explanation = "Why.", Channel = "database", SubChannel = "general",
        Difficulty = Difficulty.Beginner, Tags = [.. tags],
    }, new ChangeSource("admin", "tests"));

    [Fact]
    public async Task Size_IsTheDatabasesOwn_AndOneSampleIsKeptADay()
    {
        var figures = Figures();
        var size = await figures.SizeAsync();
        Assert.True(size.DatabaseBytes > 0);

        Assert.True(await figures.SampleAsync());
        Assert.False(await figures.SampleAsync()); // once a day
        _clock.Advance(TimeSpan.FromDays(1));
        Assert.True(await figures.SampleAsync());

        var samples = await figures.SamplesAsync();
        Assert.Equal([new DateOnly(2026, 11, 25), new DateOnly(2026, 11, 26)], samples.Select(s => s.Day));
        Assert.All(samples, s => Assert.True(s.DatabaseBytes > 0));
    }

    [Fact]
    public async Task JsonColumnSizes_CoverEveryJsonColumn_WithTheirValues()
    {
        await SaveAsync("q-1", "index", "b-tree");
        await SaveAsync("q-2", "wal");

        var sizes = await Figures().JsonColumnSizesAsync();

        await using var context = _db.CreateContext();
        var expected = context.Model.GetEntityTypes().Where(e => !e.IsOwned() && e.GetTableName() is not null)
            .SelectMany(e => e.GetProperties().Where(p => InterviewPrep.Data.Configurations.JsonColumns.IsJsonColumn(p)).Select(p => $"{e.GetTableName()}.{p.GetColumnName()}"));
        Assert.Equal(expected.Order(), sizes.Select(s => $"{s.Table}.{s.Column}").Order());
        var tags = sizes.Single(s => s.Column.Equals("tags", StringComparison.OrdinalIgnoreCase) && s.Table.Equals("questions", StringComparison.OrdinalIgnoreCase));
        Assert.Equal(2, tags.Values);
        // As stored: the JSON text on SQLite (["index","b-tree"], 18 bytes), a text[] value on PostgreSQL (larger, with its header).
        Assert.True(tags.LargestBytes >= 18, $"largest {tags.LargestBytes}");
        Assert.True(tags.AverageBytes < tags.LargestBytes);
        Assert.Equal(2, sizes.Single(s => s.Table.Equals("questionHistory", StringComparison.OrdinalIgnoreCase) && s.Column.Equals("afterSnapshot", StringComparison.OrdinalIgnoreCase)).Values);
    }

    [Fact]
    public async Task WeeklyGrowth_CountsTheRowsMadeEachWeek()
    {
        await SaveAsync("q-1");
        await SaveAsync("q-2");
        await SaveAsync("q-3");
        _clock.Advance(TimeSpan.FromDays(7));
        await SaveAsync("q-4");
        await SaveAsync("q-1", "edited"); // an edit: history grows, questions do not

        var growth = await Figures().WeeklyGrowthAsync(4);

        Assert.Equal(12, growth.Count);
        var questions = growth.Where(g => g.Table == "questions").ToList();
        Assert.Equal([new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 16), new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)], questions.Select(g => g.WeekOf));
        Assert.Equal([0, 0, 3, 1], questions.Select(g => g.Rows));
        Assert.Equal([0, 0, 3, 2], growth.Where(g => g.Table == "questionHistory").Select(g => g.Rows));
        Assert.All(growth.Where(g => g.Table == "botLedger"), g => Assert.Equal(0, g.Rows));
    }

    [Fact]
    public async Task Interceptor_TimesEveryCommand_AndCountsLearnerSessionsWritten()
    {
        long written = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // This test's meter only: other tests' apps have theirs under the same name.
            if (ReferenceEquals(instrument.Meter.Scope, _meters.GetRequiredService<IMeterFactory>()) && instrument.Name == "interviewprep.learner.sessions.written")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref written, value));
        listener.Start();
        await SaveAsync("q-1");
        var before = _metrics.Queries.Summarize(TimeSpan.FromHours(1)).Count;

        await using (var context = _db.CreateContext())
        {
            await context.Questions.CountAsync();
        }

        Assert.Equal(before + 1, _metrics.Queries.Summarize(TimeSpan.FromHours(1)).Count);
        var sessions = new SessionService(_db.Factory, _clock);
        await sessions.StartOrResumeAsync(new SessionStart("learner-1", SessionType.Channel, "study/database", "Database", null, ["q-1"]));
        Assert.True(Interlocked.Read(ref written) == 1, $"written {written}, scope {_metrics.GetType()}");
    }
}
