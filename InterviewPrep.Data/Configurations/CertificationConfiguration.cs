using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class CertificationConfiguration : IEntityTypeConfiguration<Certification>
{
    public void Configure(EntityTypeBuilder<Certification> builder)
    {
        builder.ToTable("certifications");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Domains).IsJson();
        builder.Property(c => c.ChannelMappings).IsJson();
        builder.PrimitiveCollection(c => c.Tags).IsJsonList();
        builder.PrimitiveCollection(c => c.Prerequisites).IsJsonList();
        builder.HasIndex(c => c.Status).HasDatabaseName("idx_certifications_status");
    }
}
