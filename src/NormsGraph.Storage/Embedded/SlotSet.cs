namespace NormsGraph.Storage.Embedded;

/// <summary>
/// The slots of a posting list as bits, with the number of bits set before each 64: whether a slot is in the list,
/// and where, in a few instructions (the list holds each slot once, in order).
/// </summary>
internal sealed class SlotSet
{
    private readonly ulong[] _bits;
    private readonly int[] _before;
    // The most weighted hits of any document in each run of 64 slots, which bounds the run's scores.
    private readonly double[] _mostHits;

    public SlotSet(ReadOnlySpan<Posting> postings, int slots)
    {
        _bits = new ulong[(slots + 63) >> 6];
        _mostHits = new double[_bits.Length];
        foreach (var posting in postings)
        {
            _bits[posting.Slot >> 6] |= 1UL << posting.Slot;
            _mostHits[posting.Slot >> 6] = Math.Max(_mostHits[posting.Slot >> 6], SearchIndex.Weighted(posting));
        }
        _before = new int[_bits.Length];
        for (var i = 1; i < _bits.Length; i++)
        {
            _before[i] = _before[i - 1] + System.Numerics.BitOperations.PopCount(_bits[i - 1]);
        }
    }

    // Documents added since the set was built without the word (any with it drops the set) take slots beyond its
    // bits: the list holds none of them.
    public bool Contains(int slot) => slot >> 6 < _bits.Length && (_bits[slot >> 6] & (1UL << slot)) != 0;

    /// <summary>The index of <paramref name="slot"/> in the list, or -1.</summary>
    public int IndexOf(int slot) => Contains(slot) ? RankOf(slot) : -1;

    /// <summary>The index in the list of <paramref name="slot"/>, which the list holds.</summary>
    public int RankOf(int slot) => _before[slot >> 6] + System.Numerics.BitOperations.PopCount(_bits[slot >> 6] & ((1UL << slot) - 1));

    /// <summary>How many runs of 64 slots the set covers: slots beyond them are not in the list.</summary>
    public int Chunks => _bits.Length;

    /// <summary>The most weighted hits of the word in any document of run <paramref name="chunk"/>.</summary>
    public double MostHits(int chunk) => _mostHits[chunk];

    /// <summary>The bits of slots 64 × <paramref name="chunk"/> to 64 × <paramref name="chunk"/> + 63.</summary>
    public ulong Chunk(int chunk) => _bits[chunk];
}
