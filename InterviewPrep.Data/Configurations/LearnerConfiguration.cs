using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class LearnerConfiguration : IEntityTypeConfiguration<Learner>
{
    public void Configure(EntityTypeBuilder<Learner> builder)
    {
        builder.ToTable("learners");
        builder.HasKey(l => l.LearnerId);
        // The purge: learners whose last write is older than the retention period.
        builder.HasIndex(l => l.LastActiveAt).HasDatabaseName("idx_learners_last_active");
    }
}
