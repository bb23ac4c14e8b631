namespace NormsGraph.Core.Text;

/// <summary>A sentence of a report body, with its paragraph number and character span.</summary>
public sealed record Sentence(int Index, int Paragraph, int Start, int Length, string Text);
