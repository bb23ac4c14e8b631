namespace NormsGraph.Core.Matching;

/// <summary>Cosine of a statement with a target's description and with its closest wording (named).</summary>
public sealed record SemanticScore(string TargetId, double Description, double Wording, string? ClosestWording)
{
    public double Best => Math.Max(Description, Wording);
}
