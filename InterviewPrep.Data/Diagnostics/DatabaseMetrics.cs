using System.Diagnostics.Metrics;

namespace InterviewPrep.Data.Diagnostics;

/// <summary>
/// The database's own instruments (meter <see cref="MeterName"/>): how long each command took, as a
/// histogram for the metrics endpoint and in <see cref="QueryTimes"/> for the monitoring page, and how many
/// learner sessions (<c>userSessions</c> rows) were written.
/// </summary>
public sealed class DatabaseMetrics
{
    public const string MeterName = "InterviewPrep.Database";

    private readonly Histogram<double> _queryDuration;
    private readonly Counter<long> _sessionsWritten;

    public DatabaseMetrics(IMeterFactory meters, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _queryDuration = meter.CreateHistogram<double>(
            "interviewprep.db.query.duration", "s", "How long a database command took, from sending it until its result (or the first rows) came back, or it failed.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2, 0.5, 1, 2.5, 5] });
        _sessionsWritten = meter.CreateCounter<long>(
            "interviewprep.learner.sessions.written", "{session}", "Learner sessions (study, review, exam, voice) started or saved.");
        Queries = new QueryTimes(clock);
    }

    public QueryTimes Queries { get; }

    public void RecordQuery(TimeSpan duration, string operation)
    {
        _queryDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("db.operation", operation));
        Queries.Record(duration);
    }

    public void RecordSessionsWritten(int sessions)
    {
        if (sessions > 0)
        {
            _sessionsWritten.Add(sessions);
        }
    }
}
