using InterviewPrep.Data;
using InterviewPrep.Web;
using InterviewPrep.Web.Features.Operations;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppPaths.ContentRoot(args) });
builder.AddInterviewPrepData();
builder.AddWebServices();

var app = builder.Build();

// "migrate" and "import PATH..." run and exit; with no verb the web app starts.
if (CommandLine.IsCommand(args))
{
    return await CommandLine.RunAsync(app, args);
}

await app.InitializeAsync();
app.UseWebPipeline();
await app.RunAsync();
return 0;
