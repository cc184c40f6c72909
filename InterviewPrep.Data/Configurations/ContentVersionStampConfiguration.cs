using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class ContentVersionStampConfiguration : IEntityTypeConfiguration<ContentVersionStamp>
{
    public void Configure(EntityTypeBuilder<ContentVersionStamp> builder)
    {
        builder.ToTable("contentVersion");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new ContentVersionStamp { Id = ContentVersionStamp.SingleId, Version = 0 });
    }
}
