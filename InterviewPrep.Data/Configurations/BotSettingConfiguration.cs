using InterviewPrep.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace InterviewPrep.Data.Configurations;

public sealed class BotSettingConfiguration : IEntityTypeConfiguration<BotSetting>
{
    public void Configure(EntityTypeBuilder<BotSetting> builder)
    {
        builder.ToTable("botSettings");
        builder.HasKey(s => s.BotName);
    }
}
