using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Embeddings;

namespace NormsGraph.Cli.Link;

/// <summary>The options <c>link</c> and <c>link fit</c> share, and how they reach the services.</summary>
internal sealed class LinkOptionSet
{
    public Option<bool> NoSemantic { get; } = new("--no-semantic") { Description = "Switch the sentence-embedding signal off (phrases and BM25 only; the model is not loaded)." };

    public Option<bool> EmptyGraph { get; } = new("--empty-graph") { Description = "Ignore the statements stored in the graph (taxonomy signals only)." };

    public Option<bool> ExcludeSameText { get; } = new("--exclude-same-text") { Description = "Do not count a stored copy of a statement as evidence for it (for evaluation)." };

    public Option<string?> Weights { get; } = new("--weights") { Description = "A fusion weights file to rank with instead of the built-in one (as written by link fit)." };

    public LinkSettings Read(ParseResult parse) =>
        new(!parse.GetValue(NoSemantic), parse.GetValue(EmptyGraph), parse.GetValue(ExcludeSameText), parse.GetValue(Weights));

    public Action<IServiceCollection, IConfiguration> Configure(ParseResult parse) => Configure(!parse.GetValue(NoSemantic));

    public static Action<IServiceCollection, IConfiguration> Configure(bool semantic) => (services, configuration) =>
    {
        services.AddTargetMatching(configuration);
        // A command loads the model when it first needs it; with the signal off it never does.
        services.PostConfigure<MatchingOptions>(o => (o.Semantic, o.LoadAtStart) = (o.Semantic && semantic, false));
    };
}
