using System.CommandLine;
using NormsGraph.Cli;
using NormsGraph.Cli.Bench;
using NormsGraph.Cli.Eval;
using NormsGraph.Cli.Export;
using NormsGraph.Cli.Extract;
using NormsGraph.Cli.Generate;
using NormsGraph.Cli.Ingest;
using NormsGraph.Cli.Link;
using NormsGraph.Cli.Reextract;

var taxonomy = new Option<string?>("--taxonomy") { Description = "Folder of taxonomy YAML files (default: the built-in taxonomy).", Recursive = true };
var store = new Option<string?>("--store") { Description = "Embedded store file (overrides Store:Embedded:Path from appsettings.json and the environment).", Recursive = true };
var root = new RootCommand("NormsGraph: turn cyber-diplomacy event reports into a graph of norms and stakeholders.")
{
    taxonomy,
    store,
    ExtractCommand.Create(taxonomy),
    IngestCommand.Create(taxonomy, store),
    ReextractCommand.Create(taxonomy, store),
    LinkCommand.Create(taxonomy, store),
    GenerateCommand.Create(),
    BenchCommand.Create(taxonomy),
    EvalCommand.Create(taxonomy),
    ExportCommand.Create(taxonomy, store),
};
return await CliInvocation.InvokeAsync(root, args, Console.Error);
