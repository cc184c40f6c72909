namespace InterviewPrep.Web.Features.Certifications;

/// <summary>
/// Hands in timed exams whose time ran out while the learner was away, so the attempt is finished with
/// what was answered whether or not they come back. Opening an attempt does the same at once; this
/// catches the ones nobody opens.
/// </summary>
public sealed class ExamDeadlines(ExamService exams, ILogger<ExamDeadlines> logger, TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var handedIn = await exams.SubmitExpiredAsync(stoppingToken);
                if (handedIn > 0)
                {
                    logger.LogInformation("Handed in {Count} timed exams whose time ran out", handedIn);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Handing in expired exams failed; trying again in {Interval}", Interval);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
