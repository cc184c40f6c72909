using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class ReviewCardConfiguration : IEntityTypeConfiguration<ReviewCard>
{
    public void Configure(EntityTypeBuilder<ReviewCard> builder)
    {
        // The state's CHECK comes from the vocabulary, as for every enumeration (AppDbContext).
        builder.ToTable("reviewCards");
        builder.HasKey(c => new { c.LearnerId, c.QuestionId });
        builder.HasOne(c => c.Question).WithMany().HasForeignKey(c => c.QuestionId).OnDelete(DeleteBehavior.Cascade);
        // The due queue: one learner's cards by due time.
        builder.HasIndex(c => new { c.LearnerId, c.Due }).HasDatabaseName("idx_review_cards_due");
    }
}

public sealed class ReviewLogConfiguration : IEntityTypeConfiguration<ReviewLog>
{
    public void Configure(EntityTypeBuilder<ReviewLog> builder)
    {
        builder.ToTable("reviewLogs", t => t.HasCheckConstraint("ck_reviewLogs_grade", "\"grade\" BETWEEN 1 AND 4"));
        builder.HasKey(l => l.Id);
        builder.HasIndex(l => new { l.LearnerId, l.ReviewedAt }).HasDatabaseName("idx_review_logs_learner");
    }
}
