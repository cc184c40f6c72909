using InterviewPrep.Data;
using InterviewPrep.Data.Content;
using InterviewPrep.Data.Entities;
using InterviewPrep.Web.Components;
using InterviewPrep.Web.Components.Account;
using InterviewPrep.Web.Features.Accounts;
using InterviewPrep.Web.Features.Admin;
using InterviewPrep.Web.Features.Caching;
using InterviewPrep.Web.Features.Channels;
using InterviewPrep.Web.Features.Operations;
using InterviewPrep.Web.Features.Questions;
using InterviewPrep.Web.Features.Security;
using InterviewPrep.Web.Features.Search;
using InterviewPrep.Web.Features.Study;
using InterviewPrep.Web.Features.Review;
using InterviewPrep.Web.Features.Sessions;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.ResponseCompression;
using MudBlazor.Services;

namespace InterviewPrep.Web;

/// <summary>The web app's wiring, so that Program.cs stays a table of contents.</summary>
public static partial class WebServiceExtensions
{
    /// <summary>PBKDF2 iterations for password hashes (HMAC-SHA512).</summary>
    public const int PasswordHashIterations = 300_000;

    public static WebApplicationBuilder AddWebServices(this WebApplicationBuilder builder)
    {
        // Package assets (_content/MudBlazor) are served from the build output outside Development too.
        builder.WebHost.UseStaticWebAssets();

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddPublicPageCache();
        // Only /lib and cookie-less public pages are compressed (see UsePublicPageCache).
        builder.Services.AddResponseCompression(o => o.EnableForHttps = true);
        builder.Services.Configure<BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.Configure<GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.AddMudServices();

        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddScoped<IdentityRedirectManager>();
        builder.Services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        builder.Services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        // Cookies are Secure whenever the request is HTTPS (directly or through a configured proxy).
        builder.Services.ConfigureAll<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(
            o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = AccountSessions.StampCheckInterval);
        // A signed-in user without the role a page needs gets a 403 and the status page, not a redirect to a 200.
        builder.Services.ConfigureApplicationCookie(o => o.Events.OnRedirectToAccessDenied = context =>
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        });
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddProxyHeaders();
        builder.Services.AddRequestRateLimits();
        builder.Services.AddAuthorization();

        // Identity's stores use a scoped context; everything else uses the factory.
        builder.Services.AddScoped(sp => sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<AppDbContext>>().CreateDbContext());
        builder.Services.AddIdentityCore<AppUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequiredUniqueChars = PasswordRules.MinimumUniqueCharacters;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddUserManager<AppUserManager>()
            .AddSignInManager<AppSignInManager>()
            .AddPasswordValidator<PasswordRules>()
            .AddDefaultTokenProviders();
        builder.Services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations);
        builder.Services.AddSingleton<IEmailSender<AppUser>, IdentityNoOpEmailSender>();

        // Keys for the sign-in, antiforgery and learner cookies survive restarts and redeploys: on SQLite
        // they live beside the database file; on PostgreSQL in the database, shared by every app instance.
        var dataProtection = builder.Services.AddDataProtection().SetApplicationName("InterviewPrep");
        if (DataProtectionKeys.InDatabase(builder.Configuration))
        {
            dataProtection.PersistKeysToDbContext<AppDbContext>();
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(DataProtectionKeys.Folder(builder.Configuration, builder.Environment.ContentRootPath)));
        }

        builder.Services.AddOptions<AdminOptions>().BindConfiguration(AdminOptions.Section).ValidateOnStart();
        builder.Services.AddScoped<AdminAccountSeeder>();
        builder.Services.AddSingleton<AnonymousLearner>();
        builder.Services.AddSingleton<LearnerMerge>();
        builder.Services.AddScoped<PersonalData>();
        builder.Services.AddOptions<LearnerOptions>().BindConfiguration(LearnerOptions.Section)
            .Validate(o => o.AnonymousRetentionDays >= 1, "Learners:AnonymousRetentionDays must be at least 1.")
            .ValidateOnStart();
        builder.Services.AddSingleton<AnonymousPurge>();
        builder.Services.AddHostedService<AnonymousPurgeService>();
        builder.Services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.Section)
            .Validate(o => o.PublicUrl is null or "" || Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out _), "Site:PublicUrl must be an absolute URL.")
            .ValidateOnStart();
        builder.Services.AddScoped<PublicUrls>();
        builder.Services.AddSingleton<ChannelCatalog>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Certifications.CertificationCatalog>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.LearningPaths.PathCatalog>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.LearningPaths.PathProgress>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.LearningPaths.PathEnrollments>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.LearningPaths.PathGenerator>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.LearningPaths.PathQuestions>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.LearningPaths.OwnPaths>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Voice.VoiceGrading>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Voice.VoiceService>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.QualityBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.DiagramRepairBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.VoiceKeywordsBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.RelevanceBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.DuplicatesBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.RelationshipsBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.PathBuilderBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.VoiceSessionBuilderBot>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot, InterviewPrep.Web.Features.Bots.CertificationBot>();
        // The enrichment bot exists only where a language model is configured: the app is complete without it.
        var enrichment = builder.Configuration.GetSection(InterviewPrep.Web.Features.Bots.EnrichmentOptions.Section).Get<InterviewPrep.Web.Features.Bots.EnrichmentOptions>();
        builder.Services.AddOptions<InterviewPrep.Web.Features.Bots.EnrichmentOptions>().BindConfiguration(InterviewPrep.Web.Features.Bots.EnrichmentOptions.Section)
            .Validate(o => !o.Configured || Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _), "Bots:Enrichment:Endpoint must be an absolute URL.")
            .ValidateOnStart();
        if (enrichment?.Configured == true)
        {
            builder.Services.AddSingleton(_ => Microsoft.Extensions.AI.OpenAIClientExtensions.AsIChatClient(new OpenAI.Chat.ChatClient(
                enrichment.Model, new System.ClientModel.ApiKeyCredential(string.IsNullOrEmpty(enrichment.ApiKey) ? "none" : enrichment.ApiKey),
                new OpenAI.OpenAIClientOptions { Endpoint = new Uri(enrichment.Endpoint!) })));
            builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.IBot>(sp => new InterviewPrep.Web.Features.Bots.EnrichmentBot(
                sp.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<InterviewPrep.Data.AppDbContext>>(),
                sp.GetRequiredService<InterviewPrep.Data.Bots.WorkQueue>(), sp.GetRequiredService<InterviewPrep.Data.Bots.BotEdits>(),
                sp.GetRequiredService<Microsoft.Extensions.AI.IChatClient>(),
                sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<InterviewPrep.Web.Features.Bots.EnrichmentOptions>>())
            {
                MaxItemsPerRun = Math.Max(1, enrichment.MaxPerRun),
            });
        }

        builder.Services.AddOptions<InterviewPrep.Web.Features.Operations.BackupOptions>().BindConfiguration(InterviewPrep.Web.Features.Operations.BackupOptions.Section)
            .Validate(o => o.KeepDailyDays > 0 && o.KeepWeeklyDays > 0, "Backups:KeepDailyDays and Backups:KeepWeeklyDays must be positive.")
            .Validate(o => Cronos.CronExpression.TryParse(o.Daily, out _) && Cronos.CronExpression.TryParse(o.Weekly, out _), "Backups:Daily and Backups:Weekly must be cron expressions.")
            .ValidateOnStart();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Operations.IBackupTarget, InterviewPrep.Web.Features.Operations.FolderBackupTarget>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Operations.BackupStatus>();
        builder.Services.AddHostedService<InterviewPrep.Web.Features.Operations.BackupSchedule>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.BotSettings>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.BotRunner>();
        builder.Services.AddOptions<InterviewPrep.Web.Features.Bots.BotSchedulerOptions>().BindConfiguration(InterviewPrep.Web.Features.Bots.BotSchedulerOptions.Section);
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Bots.BotScheduler>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InterviewPrep.Web.Features.Bots.BotScheduler>());
        builder.Services.AddOptions<ChannelCacheOptions>().BindConfiguration(ChannelCacheOptions.Section)
            .Validate(o => o.CachedRowLimit >= 0, "Channels:CachedRowLimit must not be negative.")
            .ValidateOnStart();
        builder.Services.AddSingleton<ChannelQuestions>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Companies.CompanyCatalog>();
        builder.Services.AddSingleton<ContentHtml>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Study.QuestionMarks>();
        builder.Services.AddSingleton<StudyService>();
        builder.Services.AddSingleton<ReviewService>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Settings.LearnerSettingsService>();
        builder.Services.AddSingleton<SessionService>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Sessions.SessionSummaries>();
        // The session engine: one player per circuit, and each kind of session's rules.
        builder.Services.AddScoped<SessionPlayer>();
        builder.Services.AddSingleton<StudyRules>();
        builder.Services.AddSingleton<ReviewRules>();
        builder.Services.AddScoped<InterviewPrep.Web.Features.Certifications.ExamRules>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Certifications.ExamService>();
        builder.Services.AddHostedService<InterviewPrep.Web.Features.Certifications.ExamDeadlines>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Dashboard.DashboardService>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Dashboard.StatisticsService>();
        builder.Services.AddSingleton<QuestionPageService>();
        // Admin pages: the grid's reads, history, and who a change is recorded as.
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminQuestionQuery>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminOverview>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.QuestionHistoryQuery>();
        builder.Services.AddScoped<InterviewPrep.Web.Features.Admin.AdminActor>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminUsers>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminChannels>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.RelationshipGraph>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminImport>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminCertifications>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminPaths>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminVoice>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminBots>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Admin.AdminMonitoring>();
        builder.Services.AddSingleton<InterviewPrep.Web.Features.Moderation.ModerationService>();
        builder.AddMonitoring();
        return builder;
    }

    /// <summary>Migrates, seeds the starter content, and makes sure the roles and the first admin exist.</summary>
    public static async Task InitializeAsync(this WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AdminAccountSeeder>().SeedAsync();
    }

    /// <summary>A bundler's output name with a content hash, such as <c>chunk-ZS6VBONO.mjs</c>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"-[A-Z0-9]{8}\.mjs$")]
    private static partial System.Text.RegularExpressions.Regex ContentHashedName();

    /// <summary>Serves the npm libraries the build copied to ClientLib/ under /lib.</summary>
    private static void UseClientLibraries(this WebApplication app)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "ClientLib");
        if (!Directory.Exists(folder))
        {
            app.Logger.LogWarning("{Folder} is missing: diagrams will show their source only", folder);
            return;
        }

        // Compressed once and kept by the output cache (see UsePublicPageCache).
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = new Microsoft.Extensions.FileProviders.PhysicalFileProvider(folder),
            RequestPath = ClientLibraryCachePolicy.Path,
            // The library's chunks carry a hash of their content in their names: those never change.
            // Other files (the entry module) are revalidated, so an upgrade shows at once.
            OnPrepareResponse = context => context.Context.Response.Headers.CacheControl =
                ContentHashedName().IsMatch(context.File.Name) ? "public, max-age=31536000, immutable" : "no-cache",
        });
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        // First: the client's address and scheme, as configured proxies report them.
        app.UseProxyHeaders();
        PublicUrls.LogSource(app);
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseStatusCodePagesWithReExecute("/status/{0}", createScopeForStatusCodePages: true);
        // After the status pages, so a refused post gets the friendly 429 page.
        app.UseRequestRateLimits();
        // After the status pages too, so a learner on an admin page gets the 403 page.
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseAntiforgeryFailuresAsBadRequests();

        // Every visitor who opens a page gets a signed anonymous learner id; public pages (the same for
        // every first visit, and cached) give it only when their learner parts are asked for.
        app.Use((context, next) =>
        {
            if (HttpMethods.IsGet(context.Request.Method) && context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal)
                && !PublicPageAttribute.IsOn(context))
            {
                context.RequestServices.GetRequiredService<AnonymousLearner>().Ensure(context);
            }

            return next(context);
        });

        app.UsePublicPageCache();
        app.MapMonitoring();
        app.MapSearchEndpoints();
        app.MapLearnerParts();
        app.MapAdminEndpoints();
        app.UseClientLibraries();
        app.UseVersionedAssets();
        app.MapStaticAssets();
        // Our own Content-Security-Policy already says frame-ancestors 'none'.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
