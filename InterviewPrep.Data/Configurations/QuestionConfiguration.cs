using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.ToTable("questions");
        builder.HasKey(q => q.Id);
        builder.Property(q => q.Text).HasColumnName("question");
        // Rows written without it (raw SQL, an older app) start at revision 1.
        builder.Property(q => q.Revision).IsConcurrencyToken().HasDefaultValue(1);

        builder.PrimitiveCollection(q => q.Tags).IsJsonList();
        builder.PrimitiveCollection(q => q.Companies).IsJsonList();
        builder.PrimitiveCollection(q => q.ExperienceLevelTags).IsJsonList();
        builder.PrimitiveCollection(q => q.VoiceKeywords).IsJsonList();
        builder.Property(q => q.Videos).IsJson();
        builder.Property(q => q.Options).IsJson();
        builder.Property(q => q.RelevanceDetails).IsJson();
        builder.Property(q => q.JobTitleRelevance).IsJson();

        builder.HasIndex(q => q.Channel).HasDatabaseName("idx_questions_channel");
        builder.HasIndex(q => q.Status).HasDatabaseName("idx_questions_status");
        builder.HasIndex(q => q.Difficulty).HasDatabaseName("idx_questions_difficulty");
        builder.HasIndex(q => q.CreatedAt).HasDatabaseName("idx_questions_created");
        // "Get Questions by Channel" filters on channel and status and orders by createdAt.
        builder.HasIndex(q => new { q.Channel, q.Status, q.CreatedAt }).HasDatabaseName("idx_questions_channel_status_created");
        // Covers the catalog's count of active questions by channel and difficulty: no table reads, no sort.
        builder.HasIndex(q => new { q.Status, q.Channel, q.Difficulty }).HasDatabaseName("idx_questions_status_channel_difficulty");

        builder.HasMany(q => q.ChannelMappings)
            .WithOne(m => m.Question)
            .HasForeignKey(m => m.QuestionId)
            .OnDelete(DeleteBehavior.Cascade);
    }
}
