using NormsGraph.Api;
using NormsGraph.Api.Bench;
using NormsGraph.Api.Embed;
using NormsGraph.Api.GraphQL;
using NormsGraph.Api.GraphQL.Linking;
using NormsGraph.Api.GraphViews;
using NormsGraph.Api.Health;
using NormsGraph.Api.Http;
using NormsGraph.Api.Security;
using NormsGraph.Api.Web;
using NormsGraph.Hosting;
using NormsGraph.Ingestion;
using NormsGraph.Storage;

// Settings ship beside the binary, so `dotnet run --project src/NormsGraph.Api` works from any folder;
// relative data paths resolve from the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

// ASPNETCORE_URLS, --urls, Urls, Kestrel endpoints and ASPNETCORE_HTTP_PORTS choose the address; only when none is
// set does the loopback default apply (a `Urls` in appsettings.json would outrank the environment variable).
if (!ListenAddresses.Configured(builder.Configuration))
{
    builder.WebHost.UseUrls(ListenAddresses.Default);
}

builder.Services.AddProblemDetails();
builder.Services.AddApiSecurity(builder.Configuration);
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddIngestion(builder.Configuration);
builder.Services.AddNormsGraphQL(builder.Configuration, builder.Environment);
builder.Services.AddNormsGraphTelemetry(builder.Configuration, "Microsoft.AspNetCore.Hosting");
builder.Services.AddLinking(builder.Configuration);
builder.Services.AddGraphViews(builder.Configuration);
builder.Services.AddEmbed(builder.Configuration);
builder.Services.AddWebPages();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiSecurity();
app.MapGraphQLEndpoint();
app.MapBenchEndpoints(app.Configuration);
app.MapHealthEndpoints();
app.MapWebPages();
app.MapEmbed();
app.MapGraphViews();
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
