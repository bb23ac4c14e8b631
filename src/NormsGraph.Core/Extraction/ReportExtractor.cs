using NormsGraph.Core.Domain;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// Turns a read report into a <see cref="ReportGraph"/>. Pure and deterministic: no I/O, no store,
/// the same document always gives the same graph. Thread-safe; build one per taxonomy and share it.
/// </summary>
public sealed class ReportExtractor
{
    /// <summary>Bumped when the extraction logic changes; the taxonomy's hash is appended.</summary>
    public const string LogicVersion = "1.0";

    private static readonly HashSet<string> Modals = new(
        new[] { "should", "must", "need", "needs", "essential", "important", "crucial", "necessary", "ought", "vital", "critical" }
            .Select(w => Tokenizer.Stems(w)[0]), StringComparer.Ordinal);

    private readonly ExtractionIndex _index;
    private readonly SentenceAnalyzer _analyzer;

    public ReportExtractor(Taxonomy.Taxonomy taxonomy)
    {
        _index = new ExtractionIndex(taxonomy);
        _analyzer = new SentenceAnalyzer(_index);
        Version = $"{LogicVersion}+{taxonomy.Version}";
    }

    public string Version { get; }

    public ReportGraph Extract(ReportDocument document, string? source)
    {
        var reportId = StableIds.ForReportText(document.Title + "\n" + document.Text);
        var report = new Report(reportId, document.Title, document.Date, source, document.Text, document.Format, Version);
        var documentKey = source ?? reportId;
        var sentences = SentenceSplitter.Split(document.Body)
            .Select(s => _analyzer.Analyze(s, document.BodyStart, document.Date))
            .ToList();

        var process = FindProcess(document, sentences);
        var @event = new Event(StableIds.ForEvent(document.Title, document.Date), document.Title, document.Date,
            document.StartTime, document.EndTime, process?.Id);

        var builder = new GraphBuilder(_index.Taxonomy, @event, documentKey);
        var current = (IReadOnlyList<string>)[];
        var paragraph = -1;
        foreach (var facts in sentences)
        {
            if (facts.Sentence.Paragraph != paragraph)
            {
                paragraph = facts.Sentence.Paragraph;
                current = [];
            }
            foreach (var mention in facts.Actors.Where(a => !a.IsProcess))
            {
                builder.MentionActor(mention.ActorId);
            }
            var attribution = AttributionResolver.Resolve(facts, current, facts.Tokens.Any(t => Modals.Contains(t.Stem)));
            if (attribution is null)
            {
                continue;
            }
            if (attribution.Kind == AttributionKind.Explicit)
            {
                current = attribution.ActorIds;
            }
            AddPositions(facts, attribution, builder);
        }
        return builder.Build(report, process);
    }

    private void AddPositions(SentenceFacts facts, Attribution attribution, GraphBuilder builder)
    {
        var cue = facts.Cues.FirstOrDefault(c => !c.Cue.IsReporting && c.Start >= attribution.SubjectEnd);
        var hasStrongCue = cue.End > 0;
        if (!hasStrongCue)
        {
            cue = facts.Cues.FirstOrDefault(c => c.Start >= attribution.SubjectEnd);
        }
        var stance = cue.End > 0 ? cue.Cue.Stance : Stance.Support;
        var negated = cue.End > 0 && facts.Words.Any(w =>
            w.Payload == WordClass.Negation && w.End <= cue.Start && w.Start >= Math.Max(attribution.SubjectEnd, cue.Start - 3));
        var confidence = Confidence(attribution.Kind, hasStrongCue, negated, facts);

        var targets = facts.Targets.Select(t => (t.TargetId, Stance: Resolve(stance, cue.Cue, t.IsPractice, negated))).ToList();
        if (targets.Count == 0 && hasStrongCue && stance == Stance.Propose && !negated)
        {
            var after = facts.Sentence.Text[facts.Tokens[cue.End - 1].End..];
            if (ProposalLabeler.Label(after) is { } label)
            {
                targets.Add((builder.AddProposal(label), Stance.Propose));
            }
        }
        foreach (var (targetId, targetStance) in targets)
        {
            if (targetStance is not { } resolved)
            {
                continue;
            }
            foreach (var actorId in attribution.ActorIds)
            {
                builder.AddPosition(actorId, resolved, targetId, facts.Sentence, confidence);
            }
        }
    }

    // Speaking against a practice supports the principle that forbids it; a negated stance turns or vanishes.
    private static Stance? Resolve(Stance stance, StanceCue? cue, bool isPractice, bool negated)
    {
        if (negated)
        {
            return stance switch
            {
                Stance.Support => isPractice ? null : Stance.Oppose,
                Stance.Oppose => isPractice ? null : Stance.Support,
                _ => null,
            };
        }
        if (isPractice)
        {
            return stance == Stance.Concern ? Stance.Concern : Stance.Support;
        }
        return cue is { IsAgainst: true } ? Stance.Oppose : stance;
    }

    private static double Confidence(AttributionKind kind, bool strongCue, bool negated, SentenceFacts facts)
    {
        var confidence = kind switch
        {
            AttributionKind.Explicit => 0.9,
            AttributionKind.Anaphoric => 0.8,
            _ => 0.6,
        };
        if (!strongCue)
        {
            confidence -= 0.15;
        }
        if (negated)
        {
            confidence -= 0.1;
        }
        if (facts.Words.Any(w => w.Payload == WordClass.Hedge))
        {
            confidence -= 0.1;
        }
        return Math.Round(Math.Max(confidence, 0.1), 2);
    }

    private DiplomaticProcess? FindProcess(ReportDocument document, List<SentenceFacts> sentences)
    {
        var inTitle = _analyzer.Analyze(new Sentence(0, 0, 0, document.Title.Length, document.Title), 0, document.Date)
            .Actors.FirstOrDefault(a => a.IsProcess);
        var id = inTitle.End > 0
            ? inTitle.ActorId
            : sentences.SelectMany(s => s.Actors).Where(a => a.IsProcess)
                .GroupBy(a => a.ActorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .FirstOrDefault()?.Key;
        return id is null ? null : _index.Taxonomy.ProcessesById[id].Process;
    }
}
