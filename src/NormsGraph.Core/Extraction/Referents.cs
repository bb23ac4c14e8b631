namespace NormsGraph.Core.Extraction;

/// <summary>
/// Who a reference back ("they", "she", "the delegation") can mean at one point of a report: the paragraph's
/// last named speakers, the last single speaker of the report so far (a process is never one), and the actor the
/// title is about (<see cref="ReportAuthors.TitleSubject"/>).
/// </summary>
/// <remarks>
/// "He" and "she" name one person and, in meeting coverage, keep naming the last single speaker across
/// paragraphs ("Guterres observed…" then, a paragraph later, "he noted…"); a list of states is never "she".
/// Every other reference stays within its paragraph.
/// </remarks>
internal sealed record Referents(IReadOnlyList<string> Paragraph, IReadOnlyList<string> LastSingleSpeaker, IReadOnlyList<string> TitleSubject)
{
    public static readonly Referents None = new([], [], []);

    public IReadOnlyList<string> For(bool personalPronoun)
    {
        if (!personalPronoun)
        {
            return Paragraph.Count > 0 ? Paragraph : TitleSubject;
        }
        return LastSingleSpeaker.Count > 0 ? LastSingleSpeaker : TitleSubject;
    }
}
