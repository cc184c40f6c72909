using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

/// <summary>No foreign key to questions: history must outlive a hard-deleted question.</summary>
public sealed class QuestionHistoryConfiguration : IEntityTypeConfiguration<QuestionHistory>
{
    public void Configure(EntityTypeBuilder<QuestionHistory> builder)
    {
        builder.ToTable("questionHistory");
        builder.HasKey(h => h.Id);
        builder.PrimitiveCollection(h => h.ChangedFields).IsJsonList();
        builder.Property(h => h.BeforeSnapshot).IsJson();
        builder.Property(h => h.AfterSnapshot).IsJson();
        builder.Property(h => h.Metadata).IsJson();
        builder.HasIndex(h => h.QuestionId).HasDatabaseName("idx_question_history_question");
        builder.HasIndex(h => h.QuestionType).HasDatabaseName("idx_question_history_type");
        // "Get Question History" orders one question's events by time.
        builder.HasIndex(h => new { h.QuestionId, h.CreatedAt }).HasDatabaseName("idx_question_history_question_created");
    }
}
