namespace NormsGraph.Core.Text;

/// <summary>A word of the text: its surface form, its normalised stem and where it sits.</summary>
public readonly record struct Token(string Surface, string Stem, int Start, int End)
{
    public bool IsCapitalised => Surface.Length > 0 && (char.IsUpper(Surface[0]) || char.IsDigit(Surface[0]));

    /// <summary>The stem's number (<see cref="StemIds"/>), set by the tokenizer; zero when unknown.</summary>
    internal int StemId { get; init; }
}
