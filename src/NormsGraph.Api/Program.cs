using NormsGraph.Api;
using NormsGraph.Api.Embed;
using NormsGraph.Api.GraphQL;
using NormsGraph.Api.GraphQL.Linking;
using NormsGraph.Api.GraphViews;
using NormsGraph.Api.Health;
using NormsGraph.Api.Http;
using NormsGraph.Api.Web;
using NormsGraph.Ingestion;
using NormsGraph.Storage;

// Settings ship beside the binary, so `dotnet run --project src/NormsGraph.Api` works from any folder;
// relative data paths resolve from the working folder.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });

builder.Services.AddProblemDetails();
builder.Services.AddOptions<ApiOptions>().Bind(builder.Configuration.GetSection(ApiOptions.SectionName))
    .Validate(o => o.MaxRequestBytes > 0, "Api:MaxRequestBytes must be positive.").ValidateOnStart();
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddIngestion(builder.Configuration);
builder.Services.AddNormsGraphQL(builder.Environment);
builder.Services.AddLinking(builder.Configuration);
builder.Services.AddNormsGraphTelemetry(builder.Configuration);
builder.Services.AddGraphViews(builder.Configuration);
builder.Services.AddEmbed(builder.Configuration);
builder.Services.AddWebPages();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapGraphQLEndpoint();
app.MapHealthEndpoints();
app.MapWebPages();
app.MapEmbed();
app.MapGraphViews();
app.Run();

/// <summary>Entry point; public so WebApplicationFactory can host it in tests.</summary>
public partial class Program;
