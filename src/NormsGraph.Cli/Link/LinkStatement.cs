namespace NormsGraph.Cli.Link;

/// <summary>One input line of <c>link</c>: an id and the statement's text (other fields are ignored).</summary>
internal sealed record LinkStatement(string Id, string Text);
