namespace NormsGraph.Cli.Link;

/// <summary>A gold link statement: its text and the taxonomy ids it refers to.</summary>
internal sealed record GoldLink(string Id, string Text, IReadOnlySet<string> Norms, bool Paraphrase);
