using System.Runtime.InteropServices;

namespace NormsGraph.Core.Text;

/// <summary>
/// Finds many phrases at once in a token sequence: a trie keyed by normalised stems, walked from each
/// token, so the cost grows with the text and the longest phrase, not with the number of phrases.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private readonly Node _root = new();

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
            node.Children ??= new Dictionary<string, Node>(StringComparer.Ordinal);
            if (!node.Children.TryGetValue(stem, out var next))
            {
                next = new Node();
                node.Children[stem] = next;
            }
            node = next;
        }
        (node.Payloads ??= []).Add(payload);
        Count++;
    }

    public void Add(string phrase, T payload) => Add(Tokenizer.Stems(phrase), payload);

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
        for (var start = 0; start < tokens.Count; start++)
        {
            var node = _root;
            for (var i = start; i < tokens.Count; i++)
            {
                if (!Step(ref node, tokens[i].Stem, start, i, matches))
                {
                    break;
                }
            }
        }
    }

    // Runs once per sentence for each matcher, so it walks the tokens in place rather than through the interface.
    private void FindAll(ReadOnlySpan<Token> tokens, List<PhraseMatch<T>> matches)
    {
        var root = _root.Children;
        if (root is null)
        {
            return;
        }
        for (var start = 0; start < tokens.Length; start++)
        {
            if (!root.TryGetValue(tokens[start].Stem, out var node))
            {
                continue;
            }
            AddPayloads(node, start, start, matches);
            for (var i = start + 1; i < tokens.Length; i++)
            {
                if (!Step(ref node, tokens[i].Stem, start, i, matches))
                {
                    break;
                }
            }
        }
    }

    private static bool Step(ref Node node, string stem, int start, int i, List<PhraseMatch<T>> matches)
    {
        if (node.Children is null || !node.Children.TryGetValue(stem, out var next))
        {
            return false;
        }
        node = next;
        AddPayloads(node, start, i, matches);
        return true;
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
        public Dictionary<string, Node>? Children;
        public List<T>? Payloads;
    }
}

/// <summary>A phrase found at tokens [Start, End).</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Payload);
