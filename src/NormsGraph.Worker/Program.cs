using NormsGraph.Ingestion;
using NormsGraph.Storage;

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddGraphStore(builder.Configuration);
builder.Services.AddIngestion(builder.Configuration);
builder.Build().Run();
