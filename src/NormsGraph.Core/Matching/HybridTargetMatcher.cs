using NormsGraph.Core.Domain;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Matching;

/// <summary>
/// The hybrid target matcher: taxonomy phrases, BM25 over target texts, sentence-embedding similarity to
/// target descriptions and wordings, and (when a store is given) the stored statements nearest to the text by
/// vector and by BM25, fused by a logistic model whose output is the score. Thread-safe; build once per taxonomy.
/// </summary>
public sealed class HybridTargetMatcher : ITargetMatcher
{
    private readonly MatchingCatalog _catalog;
    private readonly ISentenceEncoder _encoder;
    private readonly FusionModel _model;
    private readonly IStoredEvidenceSource? _evidence;
    private readonly MatcherSettings _settings;
    private readonly Lazy<SemanticTargetIndex>? _semantic;

    /// <param name="targetEncoder">Encodes the target texts (by default <paramref name="encoder"/>): a caching
    /// encoder here saves re-encoding the fixed taxonomy wordings at every start.</param>
    public HybridTargetMatcher(MatchingCatalog catalog, ISentenceEncoder encoder, FusionWeights weights,
        IStoredEvidenceSource? evidence = null, MatcherSettings? settings = null, ISentenceEncoder? targetEncoder = null)
    {
        _catalog = catalog;
        _encoder = encoder;
        _model = weights.For(encoder.IsEnabled);
        _evidence = evidence;
        _settings = settings ?? new MatcherSettings();
        _semantic = encoder.IsEnabled ? new Lazy<SemanticTargetIndex>(() => new SemanticTargetIndex(catalog.Documents, targetEncoder ?? encoder)) : null;
        _semanticHeadroom = _model.Headroom(SemanticRanges);
    }

    // Where each semantic feature can lie (see MatchFeatures), a little wider for float rounding of cosines.
    private static readonly (string Feature, double Low, double High)[] SemanticRanges =
    [
        (MatchFeatures.SemanticDescription, 0, 1 + CosineSlack),
        (MatchFeatures.SemanticWording, 0, 1 + CosineSlack),
        (MatchFeatures.SemanticGap, -2 - CosineSlack, 0),
        (MatchFeatures.SemanticReciprocalRank, 0, 1),
    ];

    private const double CosineSlack = 1e-3;

    // Scores are rounded to 4 decimals: one just below the bar may round up to it.
    private const double RoundingSlack = 1e-4;

    private readonly double _semanticHeadroom;

    public bool SemanticEnabled => _encoder.IsEnabled;

    /// <summary>Loads the encoder's model and encodes the target texts now instead of on the first match.</summary>
    public void Warm()
    {
        if (_semantic is not null)
        {
            _ = _encoder.Encode(["warm-up"]);
            _ = _semantic.Value;
        }
    }

    public IReadOnlyList<TargetMatch> Match(string text, int top) =>
        Rank(Analyse(text, vector: Encode(text), nearest: [], lexical: []), top);

    /// <summary>
    /// As <see cref="Match(string, int)"/>, keeping matches of at least <paramref name="minScore"/>. The sentence
    /// is encoded only when some target could reach that score: its phrase and BM25 features are known without
    /// the encoder, and the semantic features can add at most their weights over their ranges. Extraction asks
    /// about sentences without a taxonomy phrase, where this bound usually rules the model out.
    /// </summary>
    public IReadOnlyList<TargetMatch> Match(string text, int top, double minScore)
    {
        if (_semantic is not null)
        {
            var withoutVector = Analyse(text, vector: null, nearest: [], lexical: []);
            if (!withoutVector.Any(c => CanReach(c, minScore)))
            {
                Interlocked.Increment(ref _skippedEncodings);
                return [];
            }
        }
        return [.. Match(text, top).Where(m => m.Score >= minScore)];
    }

    private long _skippedEncodings;

    /// <summary>Texts that <see cref="Match(string, int, double)"/> answered without the encoder (for benchmarks).</summary>
    public long SkippedEncodings => Interlocked.Read(ref _skippedEncodings);

    private bool CanReach(MatchCandidate candidate, double minScore) =>
        FusionModel.Sigmoid(_model.Logit(candidate.Features) + _semanticHeadroom) >= minScore - RoundingSlack;

    public async Task<IReadOnlyList<TargetMatch>> MatchAsync(string text, int top, CancellationToken cancellationToken) =>
        Rank(await CandidatesAsync(text, cancellationToken), top);

    /// <summary>Every candidate with its features, before fusion; the fit command learns the weights from these.</summary>
    public async Task<IReadOnlyList<MatchCandidate>> CandidatesAsync(string text, CancellationToken cancellationToken)
    {
        var vector = Encode(text);
        IReadOnlyList<StoredEvidence> nearest = [], lexical = [];
        if (_evidence is not null)
        {
            if (vector is not null)
            {
                nearest = await _evidence.FindNearestAsync(vector, _encoder.ModelName, _settings.Neighbours + Spare, cancellationToken);
            }
            var terms = MatchTerms.Of(text).Select(t => t.Surface).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            lexical = await _evidence.SearchLexicalAsync(terms, _settings.LexicalEvidence + Spare, cancellationToken);
            if (_settings.ExcludeSameText)
            {
                var own = ContentWords(text);
                nearest = nearest.Where(e => !SameText(own, ContentWords(e.Evidence))).ToList();
                lexical = lexical.Where(e => !SameText(own, ContentWords(e.Evidence))).ToList();
            }
            nearest = nearest.Take(_settings.Neighbours).ToList();
            lexical = lexical.Take(_settings.LexicalEvidence).ToList();
        }
        return Analyse(text, vector, nearest, lexical);
    }

    internal const string StoredLexicalDetail = "stored evidence (BM25)";
    internal const string StoredNeighbourDetail = "similar stored statements";

    // Asked for beyond the count used, so that leaving out copies of the text still leaves enough evidence.
    private const int Spare = 3;

    private static HashSet<string> ContentWords(string text) => MatchTerms.Of(text).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal);

    private static bool SameText(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return false;
        }
        var shared = a.Count(b.Contains);
        return shared >= 0.8 * a.Count && shared >= 0.8 * b.Count;
    }

    private float[]? Encode(string text) => _encoder.IsEnabled ? _encoder.Encode([text])[0] : null;

    private List<MatchCandidate> Analyse(string text, float[]? vector, IReadOnlyList<StoredEvidence> nearest, IReadOnlyList<StoredEvidence> lexical)
    {
        var tokens = Tokenizer.Tokenize(text);
        var phraseHits = _catalog.Phrases.FindAll(tokens);
        var lexicalHits = _catalog.Lexical.Search(MatchTerms.Of(text));
        var semantic = vector is null ? [] : _semantic!.Value.Score(vector);

        var candidates = new Dictionary<string, Builder>(StringComparer.Ordinal);
        Builder For(string id) => candidates.TryGetValue(id, out var b) ? b : candidates[id] = new Builder(id);
        foreach (var target in _catalog.Targets)
        {
            For(target.Id);
        }

        // Phrases: distinct wordings per target, and the target's share of all distinct wordings found.
        var distinctPhrases = phraseHits.Where(h => h.Signal != MatchSignal.Cooccurrence)
            .Select(h => (h.TargetId, h.Phrase, h.Signal)).Distinct().ToList();
        foreach (var group in distinctPhrases.GroupBy(h => h.TargetId))
        {
            var b = For(group.Key);
            var count = group.Count();
            b.Set(MatchFeatures.PhraseAny, 1);
            b.Set(MatchFeatures.PhraseCount, Math.Min(1, Math.Log(1 + count) / Math.Log(4)));
            b.Set(MatchFeatures.PhraseShare, (double)count / distinctPhrases.Count);
            foreach (var hit in group)
            {
                b.Reasons.Add(new MatchReason(hit.Signal, hit.Phrase, 1));
            }
        }
        foreach (var hit in phraseHits.Where(h => h.Signal == MatchSignal.Cooccurrence).DistinctBy(h => (h.TargetId, h.Phrase)))
        {
            var b = For(hit.TargetId);
            b.Set(MatchFeatures.Cooccurrence, 1);
            b.Reasons.Add(new MatchReason(MatchSignal.Cooccurrence, hit.Phrase, 0.5));
        }

        if (lexicalHits.Count > 0)
        {
            var best = lexicalHits[0].Score;
            for (var rank = 0; rank < lexicalHits.Count; rank++)
            {
                var hit = lexicalHits[rank];
                var b = For(hit.Id);
                var relative = hit.Score / best;
                b.Set(MatchFeatures.LexicalRelative, relative);
                b.Set(MatchFeatures.LexicalReciprocalRank, 1.0 / (rank + 1));
                if (rank < 5)
                {
                    b.Reasons.Add(new MatchReason(MatchSignal.Lexical, string.Join(", ", hit.TopTerms), Math.Round(relative, 3)));
                }
            }
        }

        if (semantic.Count > 0)
        {
            var ranked = semantic.OrderByDescending(s => s.Best).ToList();
            var best = ranked[0].Best;
            for (var rank = 0; rank < ranked.Count; rank++)
            {
                var s = ranked[rank];
                var b = For(s.TargetId);
                b.Set(MatchFeatures.SemanticDescription, Math.Max(0, s.Description));
                b.Set(MatchFeatures.SemanticWording, Math.Max(0, s.Wording));
                b.Set(MatchFeatures.SemanticGap, s.Best - best);
                b.Set(MatchFeatures.SemanticReciprocalRank, 1.0 / (rank + 1));
                if (rank < 5)
                {
                    var closest = s.Wording >= s.Description && s.ClosestWording is not null ? s.ClosestWording : "description";
                    b.Reasons.Add(new MatchReason(MatchSignal.Semantic, closest, Math.Round(s.Best, 3)));
                }
            }
        }

        AddVotes(nearest, For, MatchFeatures.NeighbourVote, similarity: n => Math.Max(0, n.Similarity), maxFeature: MatchFeatures.NeighbourMax);
        AddVotes(lexical, For, MatchFeatures.EvidenceLexicalVote, similarity: null, maxFeature: null);

        return candidates.Values.Select(b => b.Build(_settings.ShownNeighbours)).ToList();
    }

    // Each stored statement votes for its target: by similarity (vectors) or by reciprocal rank (BM25), an
    // analyst-confirmed one counting more. A target's feature is its share of the votes cast.
    private void AddVotes(IReadOnlyList<StoredEvidence> evidence, Func<string, Builder> builderFor, string voteFeature,
        Func<StoredEvidence, double>? similarity, string? maxFeature)
    {
        if (evidence.Count == 0)
        {
            return;
        }
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        double total = 0;
        for (var rank = 0; rank < evidence.Count; rank++)
        {
            var e = evidence[rank];
            var strength = (similarity?.Invoke(e) ?? 1.0 / (rank + 1)) * (e.Status == StatementStatus.Confirmed ? _settings.ConfirmedWeight : 1);
            votes[e.TargetId] = votes.GetValueOrDefault(e.TargetId) + strength;
            total += strength;
            var b = builderFor(e.TargetId);
            b.Similar.Add(e);
            if (maxFeature is not null)
            {
                b.Set(maxFeature, Math.Max(b.Get(maxFeature), Math.Max(0, e.Similarity)));
            }
        }
        if (total <= 0)
        {
            return;
        }
        foreach (var (target, vote) in votes)
        {
            var b = builderFor(target);
            b.Set(voteFeature, vote / total);
            b.Reasons.Add(new MatchReason(similarity is null ? MatchSignal.Lexical : MatchSignal.Neighbour,
                similarity is null ? StoredLexicalDetail : StoredNeighbourDetail, Math.Round(vote / total, 3)));
        }
    }

    private List<TargetMatch> Rank(IReadOnlyList<MatchCandidate> candidates, int top) =>
        candidates
            .Select(c => new TargetMatch(c.TargetId, Math.Round(_model.Probability(c.Features), 4), c.Reasons) { Similar = c.Similar })
            .OrderByDescending(m => m.Score).ThenBy(m => m.TargetId, StringComparer.Ordinal)
            .Take(Math.Max(0, top))
            .ToList();

    private sealed class Builder(string targetId)
    {
        private readonly double[] _features = new double[MatchFeatures.Names.Count];

        public List<MatchReason> Reasons { get; } = [];

        public List<StoredEvidence> Similar { get; } = [];

        public void Set(string feature, double value) => _features[MatchFeatures.IndexOf(feature)] = value;

        public double Get(string feature) => _features[MatchFeatures.IndexOf(feature)];

        public MatchCandidate Build(int shown) => new(targetId, _features, Reasons,
            // Nearest-by-vector statements were added first, most similar first; BM25 ones follow.
            Similar.DistinctBy(s => s.StatementId).Take(shown).ToList());
    }
}
