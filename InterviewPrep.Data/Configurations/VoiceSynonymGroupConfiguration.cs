using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class VoiceSynonymGroupConfiguration : IEntityTypeConfiguration<VoiceSynonymGroup>
{
    public void Configure(EntityTypeBuilder<VoiceSynonymGroup> builder)
    {
        builder.ToTable("voiceSynonyms");
        builder.HasKey(g => g.Id);
        builder.PrimitiveCollection(g => g.Phrases).IsJsonList();
    }
}
