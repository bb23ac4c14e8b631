using System.CommandLine;
using NormsGraph.Cli.Extract;

var taxonomy = new Option<string?>("--taxonomy") { Description = "Folder of taxonomy YAML files (default: the built-in taxonomy).", Recursive = true };
var root = new RootCommand("NormsGraph: turn cyber-diplomacy event reports into a graph of norms and stakeholders.")
{
    taxonomy,
    ExtractCommand.Create(taxonomy),
};
return await root.Parse(args).InvokeAsync();
