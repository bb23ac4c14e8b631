namespace NormsGraph.Storage.Embedded;

/// <summary>One document of a <see cref="Postings"/> list: its slot and the word's hits in its title and body.</summary>
internal readonly record struct Posting(int Slot, int Title, int Body);

/// <summary>
/// The documents holding one word of a <see cref="SearchIndex"/>, in slot order (documents are numbered in the order
/// they arrive, so appending keeps it), with how many of them are still there.
/// </summary>
internal sealed class Postings
{
    public Posting[] Items = new Posting[1];
    public int Count;
    public int Live;
    private volatile SlotSet? _slots;

    public void Append(Posting posting)
    {
        if (Count == Items.Length)
        {
            Array.Resize(ref Items, Items.Length * 2);
        }
        Items[Count++] = posting;
        Live++;
        _slots = null;
    }

    /// <summary>
    /// The list's slots as a <see cref="SlotSet"/>, when it holds at least one slot in 32: a search then finds a
    /// common word's documents by a bit and a count of bits instead of a galloping search. Built by the first search
    /// that needs it (two searches may both build it; either result is right), dropped when the list changes.
    /// </summary>
    public SlotSet? Slots(int slots)
    {
        if (_slots is { } set)
        {
            return set;
        }
        if ((long)Count * 32 < slots)
        {
            return null;
        }
        set = new SlotSet(Items.AsSpan(0, Count), slots);
        _slots = set;
        return set;
    }

    /// <summary>One list of the documents in any of <paramref name="terms"/>, their hits summed; <see cref="Live"/> counts those still there.</summary>
    public static Postings Merge(List<Postings> terms, Func<int, bool> isLive)
    {
        var all = new Posting[terms.Sum(t => t.Count)];
        var n = 0;
        foreach (var term in terms)
        {
            Array.Copy(term.Items, 0, all, n, term.Count);
            n += term.Count;
        }
        Array.Sort(all, (a, b) => a.Slot.CompareTo(b.Slot));
        var merged = new Postings { Items = all };
        foreach (var posting in all)
        {
            if (merged.Count > 0 && merged.Items[merged.Count - 1].Slot == posting.Slot)
            {
                var last = merged.Items[merged.Count - 1];
                merged.Items[merged.Count - 1] = last with { Title = last.Title + posting.Title, Body = last.Body + posting.Body };
            }
            else
            {
                merged.Items[merged.Count++] = posting;
                merged.Live += isLive(posting.Slot) ? 1 : 0;
            }
        }
        return merged;
    }

    public void Renumber(int[] renumbered)
    {
        _slots = null;
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (renumbered[Items[i].Slot] is var slot and >= 0)
            {
                Items[kept++] = Items[i] with { Slot = slot };
            }
        }
        Count = kept;
    }
}
