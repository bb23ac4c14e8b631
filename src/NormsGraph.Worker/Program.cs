using NormsGraph.Hosting;
using NormsGraph.Ingestion;
using NormsGraph.Storage;

// The ingestion service alone: the same store, pipeline and inbox worker as the API hosts in-process,
// configured the same way (appsettings.json beside the binary, then environment variables such as
// Ingestion__Inbox or Store__Embedded__Path, then command-line arguments). It serves nothing.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
// Running the inbox worker is this process's only job, whatever a shared configuration says.
builder.Configuration[$"{IngestionOptions.SectionName}:{nameof(IngestionOptions.Enabled)}"] = "true";
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddIngestion(builder.Configuration);
builder.Services.AddNormsGraphTelemetry(builder.Configuration);
builder.Build().Run();
