namespace InterviewPrep.Web.Features.Certifications;

/// <summary>
/// An exam's time: the real exam's minutes scaled to the chosen length, an absolute deadline fixed on the
/// server when the exam starts, and what is left of it by the server's clock. Nothing here counts down
/// by itself: a reload, another device or a restart computes the same time left from the same deadline.
/// </summary>
public static class ExamClock
{
    /// <summary>
    /// Minutes for <paramref name="length"/> questions when the real exam gives <paramref name="examMinutes"/>
    /// for <paramref name="examQuestions"/>: in proportion, rounded up to a whole minute, at least one.
    /// </summary>
    public static int MinutesFor(int length, int examQuestions, int examMinutes)
    {
        if (length <= 0 || examMinutes <= 0)
        {
            return 0;
        }

        return examQuestions <= 0 ? examMinutes : Math.Max(1, (int)Math.Ceiling((double)examMinutes * length / examQuestions));
    }

    public static DateTime Deadline(DateTime startedAt, int minutes) => startedAt.AddMinutes(minutes);

    /// <summary>Time left at <paramref name="now"/>; zero once the deadline has passed.</summary>
    public static TimeSpan Remaining(DateTime deadline, DateTime now) => deadline > now ? deadline - now : TimeSpan.Zero;

    public static bool Expired(DateTime deadline, DateTime now) => now >= deadline;

    /// <summary>"1:05:09" or "4:07": hours only when there are any.</summary>
    public static string Format(TimeSpan left)
    {
        var seconds = (long)Math.Ceiling(Math.Max(0, left.TotalSeconds));
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0 ? $"{h}:{m:00}:{s:00}" : $"{m}:{s:00}";
    }
}
