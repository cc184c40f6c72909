using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class QuestionReportConfiguration : IEntityTypeConfiguration<QuestionReport>
{
    public void Configure(EntityTypeBuilder<QuestionReport> builder)
    {
        builder.ToTable("questionReports");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Text).HasMaxLength(QuestionReport.MaxTextLength);
        builder.HasOne<Question>().WithMany().HasForeignKey(r => r.QuestionId).OnDelete(DeleteBehavior.Cascade);
        // The moderation queue: open reports, oldest first.
        builder.HasIndex(r => new { r.Status, r.CreatedAt }).HasDatabaseName("idx_question_reports_status_created");
        // A learner's reports on a question page, and how many they sent lately (the rate limit).
        builder.HasIndex(r => new { r.ReporterId, r.CreatedAt }).HasDatabaseName("idx_question_reports_reporter_created");
        builder.HasIndex(r => new { r.QuestionId, r.Status }).HasDatabaseName("idx_question_reports_question_status");
    }
}
