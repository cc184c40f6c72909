using System.Globalization;
using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class LearnerSettingsConfiguration : IEntityTypeConfiguration<LearnerSettings>
{
    public void Configure(EntityTypeBuilder<LearnerSettings> builder)
    {
        builder.ToTable("learnerSettings", t =>
        {
            t.HasCheckConstraint("ck_learnerSettings_desiredRetention", string.Create(CultureInfo.InvariantCulture,
                $"\"desiredRetention\" BETWEEN {LearnerSettings.MinRetention} AND {LearnerSettings.MaxRetention}"));
            t.HasCheckConstraint("ck_learnerSettings_dailyNewLimit", $"\"dailyNewLimit\" BETWEEN 0 AND {LearnerSettings.MaxDailyNewLimit}");
            t.HasCheckConstraint("ck_learnerSettings_maximumIntervalDays", $"\"maximumIntervalDays\" BETWEEN 1 AND {LearnerSettings.DefaultMaximumIntervalDays}");
        });
        builder.HasKey(s => s.LearnerId);
        builder.Property(s => s.TimeZone).HasMaxLength(64);
    }
}

public sealed class LearnerActivityDayConfiguration : IEntityTypeConfiguration<LearnerActivityDay>
{
    public void Configure(EntityTypeBuilder<LearnerActivityDay> builder)
    {
        builder.ToTable("learnerActivityDays");
        builder.HasKey(d => new { d.LearnerId, d.Day });
    }
}
