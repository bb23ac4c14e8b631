using System.Runtime.InteropServices;

namespace NormsGraph.Core.Text;

/// <summary>
/// Finds many phrases at once in a token sequence: a trie keyed by normalised stems, walked from each
/// token, so the cost grows with the text and the longest phrase, not with the number of phrases.
/// </summary>
public sealed class PhraseMatcher<T>
{
    // A phrase's first stem is looked up for every token, and nearly always misses: first stems numbered below
    // this are found by indexing an array; the taxonomy's stems are numbered first, so in practice all of them.
    private const int MaxRootArray = 1 << 16;

    private readonly Node _root = new();
    private Node?[] _rootByNumber = [];
    private int _maxRootNumber;

    public int Count { get; private set; }

    public void Add(IReadOnlyList<string> stems, T payload)
    {
        if (stems.Count == 0)
        {
            return;
        }
        var node = _root;
        foreach (var stem in stems)
        {
            var number = StemIds.Number(stem);
            node.Children ??= [];
            if (!node.Children.TryGetValue(number, out var next))
            {
                next = new Node();
                node.Children[number] = next;
                if (node == _root)
                {
                    IndexRoot(number, next);
                }
            }
            node = next;
        }
        (node.Payloads ??= []).Add(payload);
        Count++;
    }

    public void Add(string phrase, T payload) => Add(Tokenizer.Stems(phrase), payload);

    private void IndexRoot(int number, Node node)
    {
        _maxRootNumber = Math.Max(_maxRootNumber, number);
        if (number >= MaxRootArray)
        {
            return;
        }
        if (number >= _rootByNumber.Length)
        {
            Array.Resize(ref _rootByNumber, Math.Min(MaxRootArray, Math.Max(number + 1, _rootByNumber.Length * 2)));
        }
        _rootByNumber[number] = node;
    }

    /// <summary>Every occurrence of every phrase, as token ranges [Start, End).</summary>
    public List<PhraseMatch<T>> FindAll(IReadOnlyList<Token> tokens)
    {
        var matches = new List<PhraseMatch<T>>();
        FindAll(tokens, matches);
        return matches;
    }

    /// <summary>Appends every occurrence to <paramref name="matches"/>, in the order <see cref="FindAll(IReadOnlyList{Token})"/> lists them.</summary>
    public void FindAll(IReadOnlyList<Token> tokens, List<PhraseMatch<T>> matches)
    {
        if (tokens is List<Token> list)
        {
            FindAll(CollectionsMarshal.AsSpan(list), matches);
            return;
        }
        if (tokens is Token[] tokenArray)
        {
            FindAll(tokenArray.AsSpan(), matches);
            return;
        }
        var array = new Token[tokens.Count];
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = tokens[i];
        }
        FindAll(array, matches);
    }

    // Runs once per sentence for each matcher, so it walks the tokens in place rather than through the interface.
    private void FindAll(ReadOnlySpan<Token> tokens, List<PhraseMatch<T>> matches)
    {
        if (_root.Children is null)
        {
            return;
        }
        for (var start = 0; start < tokens.Length; start++)
        {
            var node = Root(Number(tokens[start]));
            if (node is null)
            {
                continue;
            }
            AddPayloads(node, start, start, matches);
            for (var i = start + 1; i < tokens.Length; i++)
            {
                if (node.Children is null || !node.Children.TryGetValue(Number(tokens[i]), out node))
                {
                    break;
                }
                AddPayloads(node, start, i, matches);
            }
        }
    }

    // The tokenizer numbers the stems it makes; a token made elsewhere, or a stem met after the table was full,
    // is looked up by its text (zero: no phrase has it).
    private static int Number(in Token token) => token.StemId != 0 ? token.StemId : StemIds.Find(token.Stem);

    private Node? Root(int number)
    {
        if (number < _rootByNumber.Length)
        {
            return _rootByNumber[number];
        }
        return number >= MaxRootArray && number <= _maxRootNumber && _root.Children!.TryGetValue(number, out var node) ? node : null;
    }

    private static void AddPayloads(Node node, int start, int last, List<PhraseMatch<T>> matches)
    {
        if (node.Payloads is not null)
        {
            foreach (var payload in node.Payloads)
            {
                matches.Add(new PhraseMatch<T>(start, last + 1, payload));
            }
        }
    }

    private sealed class Node
    {
        public Dictionary<int, Node>? Children;
        public List<T>? Payloads;
    }
}

/// <summary>A phrase found at tokens [Start, End).</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Payload);
