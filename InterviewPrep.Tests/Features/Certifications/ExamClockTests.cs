using InterviewPrep.Tests.Infrastructure;
using InterviewPrep.Web.Features.Certifications;

namespace InterviewPrep.Tests.Features.Certifications;

public sealed class ExamClockTests
{
    [Theory]
    [InlineData(65, 65, 130, 130)]  // the real exam
    [InlineData(10, 65, 130, 20)]   // in proportion
    [InlineData(20, 65, 130, 40)]
    [InlineData(7, 65, 130, 14)]
    [InlineData(10, 329, 130, 4)]   // 3.95 minutes, rounded up
    [InlineData(1, 500, 60, 1)]     // never less than a minute
    [InlineData(10, 0, 90, 90)]     // no question count: the exam's whole time
    [InlineData(0, 65, 130, 0)]
    public void Minutes_AreScaledToTheLength(int length, int examQuestions, int examMinutes, int expected) =>
        Assert.Equal(expected, ExamClock.MinutesFor(length, examQuestions, examMinutes));

    [Fact]
    public void TheDeadlineIsFixedAtTheStart_AndTimeLeftIsReadFromTheServersClock()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));
        var deadline = ExamClock.Deadline(clock.GetUtcNow().UtcDateTime, 20);

        Assert.Equal(new DateTime(2026, 11, 28, 9, 20, 0, DateTimeKind.Utc), deadline);
        Assert.Equal(TimeSpan.FromMinutes(20), ExamClock.Remaining(deadline, clock.GetUtcNow().UtcDateTime));

        // Away for 7.5 minutes (a reload, another device, a restart): the same deadline, less time.
        clock.Advance(TimeSpan.FromSeconds(450));
        Assert.Equal(TimeSpan.FromSeconds(750), ExamClock.Remaining(deadline, clock.GetUtcNow().UtcDateTime));
        Assert.False(ExamClock.Expired(deadline, clock.GetUtcNow().UtcDateTime));

        clock.Advance(TimeSpan.FromMinutes(12.5));
        Assert.Equal(TimeSpan.Zero, ExamClock.Remaining(deadline, clock.GetUtcNow().UtcDateTime));
        Assert.True(ExamClock.Expired(deadline, clock.GetUtcNow().UtcDateTime));

        clock.Advance(TimeSpan.FromHours(3));
        Assert.Equal(TimeSpan.Zero, ExamClock.Remaining(deadline, clock.GetUtcNow().UtcDateTime));
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(0.2, "0:01")]
    [InlineData(59, "0:59")]
    [InlineData(247, "4:07")]
    [InlineData(3909, "1:05:09")]
    public void TimeLeft_IsFormattedRoundedUp(double seconds, string expected) =>
        Assert.Equal(expected, ExamClock.Format(TimeSpan.FromSeconds(seconds)));
}
