using NormsGraph.Core.Text;

namespace NormsGraph.Core.Matching;

/// <summary>
/// Per-thread working memory of <see cref="TaxonomyPhraseMatcher"/>: the raw trie matches and, per
/// co-occurrence term, the call (stamp) in which it was last seen and where. A new stamp per call stands for
/// clearing the arrays, so a sentence costs no allocation however many groups its words touch.
/// </summary>
internal sealed class CooccurScratch
{
    [ThreadStatic]
    private static CooccurScratch? _current;

    private int _stamp;

    public List<PhraseMatch<int>> Slots { get; } = [];

    public List<int> SlotOrder { get; } = [];

    /// <summary>Indexed by term (there are at most as many terms as slots).</summary>
    public int[] TermSeen { get; private set; } = [];

    public (int Start, int End)[] TermPosition { get; private set; } = [];

    /// <summary>Where a term occurs last, when it recurs: the group may sit closer around that occurrence.</summary>
    public (int Start, int End)[] TermLastPosition { get; private set; } = [];

    /// <summary>Indexed by a group's first slot.</summary>
    public int[] GroupChecked { get; private set; } = [];

    public static CooccurScratch ForThisThread(int slots)
    {
        var scratch = _current ??= new CooccurScratch();
        if (scratch.TermSeen.Length < slots)
        {
            // Fresh arrays are all zero, and stamps start at 1: nothing in them counts as seen.
            scratch.TermSeen = new int[slots];
            scratch.TermPosition = new (int, int)[slots];
            scratch.TermLastPosition = new (int, int)[slots];
            scratch.GroupChecked = new int[slots];
        }
        return scratch;
    }

    public int NextStamp()
    {
        if (_stamp == int.MaxValue)
        {
            Array.Clear(TermSeen);
            Array.Clear(GroupChecked);
            _stamp = 0;
        }
        return ++_stamp;
    }
}
