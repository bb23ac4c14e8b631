namespace NormsGraph.Core.Extraction;

/// <summary>
/// Who a reference back ("they", "she", "the delegation") can mean at one point of a report: the paragraph's
/// last named speakers, the last single speaker of the report so far (a process is never one), and the actor the
/// title is about (<see cref="ReportAuthors.TitleSubject"/>).
/// </summary>
/// <remarks>
/// "He" and "she" name one person and, in meeting coverage, keep naming the last single speaker across
/// paragraphs ("Guterres observed…" then, a paragraph later, "he noted…"); a list of states is never "she".
/// "These states" and "those delegations" name a group, and a joint statement's signatories are often taken up
/// again in the next paragraph: they mean the last list of speakers of the report when the paragraph has none.
/// Every other reference stays within its paragraph; when the paragraph has no speaker yet, it means the one actor the
/// sentence before named ("Amnesty International released new findings on spyware. The rights group urged…").
/// </remarks>
// A struct: the main loop builds one for every sentence.
internal readonly record struct Referents(IReadOnlyList<string> Paragraph, IReadOnlyList<string> LastSingleSpeaker, IReadOnlyList<string> TitleSubject,
    IReadOnlyList<string> LastGroup, SentenceFacts? Previous = null)
{
    public static readonly Referents None = new([], [], [], []);

    public IReadOnlyList<string> For(ReferenceKind kind) => kind switch
    {
        ReferenceKind.Person => LastSingleSpeaker.Count > 0 ? LastSingleSpeaker : TitleSubject,
        ReferenceKind.Group when Paragraph.Count < 2 && LastGroup.Count > 0 => LastGroup,
        _ => Paragraph.Count > 0 ? Paragraph : OnlyActorOf(Previous) is { } named ? [named] : TitleSubject,
    };

    // The single actor (no process) the sentence names, however often; null for none or several.
    private static string? OnlyActorOf(SentenceFacts? sentence)
    {
        string? only = null;
        foreach (var actor in sentence?.Actors ?? [])
        {
            if (actor.IsProcess)
            {
                continue;
            }
            if (only is not null && only != actor.ActorId)
            {
                return null;
            }
            only = actor.ActorId;
        }
        return only;
    }
}

/// <summary>What a reference back names: one person ("he", "she"), a group ("these states"), or anyone.</summary>
internal enum ReferenceKind
{
    Any,
    Person,
    Group,
}
