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
        for (var start = 0; start < tokens.Count; start++)
        {
            var node = _root;
            for (var i = start; i < tokens.Count; i++)
            {
                if (node.Children is null || !node.Children.TryGetValue(tokens[i].Stem, out node))
                {
                    break;
                }
                if (node.Payloads is not null)
                {
                    foreach (var payload in node.Payloads)
                    {
                        matches.Add(new PhraseMatch<T>(start, i + 1, payload));
                    }
                }
            }
        }
        return matches;
    }

    private sealed class Node
    {
        public Dictionary<string, Node>? Children;
        public List<T>? Payloads;
    }
}

/// <summary>A phrase found at tokens [Start, End).</summary>
public readonly record struct PhraseMatch<T>(int Start, int End, T Payload);
