using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class QuestionRelationshipConfiguration : IEntityTypeConfiguration<QuestionRelationship>
{
    public void Configure(EntityTypeBuilder<QuestionRelationship> builder)
    {
        builder.ToTable("questionRelationships");
        builder.HasKey(r => r.Id);
        builder.HasOne(r => r.Source).WithMany().HasForeignKey(r => r.SourceQuestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Target).WithMany().HasForeignKey(r => r.TargetQuestionId).OnDelete(DeleteBehavior.Cascade);
        // Not in the design's list; "Get Related Questions" would scan the table without it.
        builder.HasIndex(r => new { r.SourceQuestionId, r.Strength }).HasDatabaseName("idx_question_relationships_source");
        builder.HasIndex(r => r.TargetQuestionId).HasDatabaseName("idx_question_relationships_target");
        builder.HasIndex(r => new { r.SourceQuestionId, r.TargetQuestionId, r.RelationshipType }).IsUnique()
            .HasDatabaseName("ux_question_relationships_pair");
    }
}
