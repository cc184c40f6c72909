using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class LearningPathConfiguration : IEntityTypeConfiguration<LearningPath>
{
    public void Configure(EntityTypeBuilder<LearningPath> builder)
    {
        builder.ToTable("learningPaths");
        builder.HasKey(p => p.Id);
        builder.PrimitiveCollection(p => p.QuestionIds).IsJsonList();
        builder.PrimitiveCollection(p => p.Channels).IsJsonList();
        builder.PrimitiveCollection(p => p.Tags).IsJsonList();
        builder.PrimitiveCollection(p => p.Prerequisites).IsJsonList();
        builder.PrimitiveCollection(p => p.LearningObjectives).IsJsonList();
        builder.Property(p => p.Milestones).IsJson();
        builder.Property(p => p.Metadata).IsJson();
        builder.HasIndex(p => p.PathType).HasDatabaseName("idx_learning_paths_type");
        builder.HasIndex(p => p.Status).HasDatabaseName("idx_learning_paths_status");
        // A learner's own paths.
        builder.HasIndex(p => p.OwnerId).HasDatabaseName("idx_learning_paths_owner");
    }
}
