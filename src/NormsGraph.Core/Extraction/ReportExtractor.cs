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
    public const string LogicVersion = "2.0";

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
        var context = new ReportContext(document.Text, document.Date);
        var sentences = SentenceSplitter.Split(document.Body)
            .Select(s => _analyzer.Analyze(s, document.BodyStart, context))
            .ToList();
        var title = _analyzer.Analyze(new Sentence(0, 0, 0, document.Title.Length, document.Title), 0, context);

        var process = FindProcess(title, sentences);
        var @event = new Event(StableIds.ForEvent(document.Title, document.Date), document.Title, document.Date,
            document.StartTime, document.EndTime, process?.Id);
        // A report titled after one actor ("WILPF submits views…") is that actor's: "The submission…" refers to it.
        var author = title.Actors.Where(a => !a.IsProcess && a.ActorId != GraphBuilder.PanelActor && AttributionResolver.CanSpeak(title, a))
            .Select(a => a.ActorId).Take(1).ToList();

        var ownVoice = OwnVoiceAuthor(title, sentences);

        var builder = new GraphBuilder(_index.Taxonomy, @event, documentKey, context);
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
            AddPassiveAgents(facts, builder);
            var hasModal = facts.Tokens.Any(t => Modals.Contains(t.Stem));
            var attribution = AttributionResolver.Resolve(facts, current, author, hasModal)
                ?? (ownVoice.Count > 0 && (hasModal || facts.Cues.Count > 0) && facts.Targets.Count > 0
                    ? new Attribution(ownVoice, AttributionKind.Author, 0)
                    : null);
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

    // The title's speaker, else the organisation that speaks in nearly every attributed sentence.
    private IReadOnlyList<string> OwnVoiceAuthor(SentenceFacts title, List<SentenceFacts> sentences)
    {
        var fromTitle = ReportAuthors.FromTitle(title);
        if (fromTitle.Count > 0)
        {
            return fromTitle;
        }
        var explicitOnes = sentences
            .Select(s => AttributionResolver.Resolve(s, [], [], sentenceHasModal: false))
            .Where(a => a is { Kind: AttributionKind.Explicit })
            .Select(a => a!);
        return ReportAuthors.Dominant(explicitOnes, IsOrganisation);
    }

    private bool IsOrganisation(string actorId) =>
        !_index.Taxonomy.ProcessesById.ContainsKey(actorId)
        && !actorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal)
        && (!_index.Taxonomy.ActorsById.TryGetValue(actorId, out var entry) || entry.Actor.Type is not (ActorType.State or ActorType.Process or ActorType.Panel));

    // "The principles developed by the GFCE": the agent of a passive authoring verb proposed what precedes it.
    private static void AddPassiveAgents(SentenceFacts facts, GraphBuilder builder)
    {
        foreach (var agent in facts.Actors)
        {
            var by = AttributionResolver.WordBeforeName(facts, agent.Start);
            if (by < 1 || facts.Tokens[by].Surface != "by" || !facts.Has(WordClass.PassivePropose, by - 1, by))
            {
                continue;
            }
            foreach (var target in facts.Targets.Where(t => t.Start < by && !t.IsPractice))
            {
                builder.AddPosition(agent.ActorId, Stance.Propose, target.TargetId, facts.Sentence, 0.75);
            }
        }
    }

    private void AddPositions(SentenceFacts facts, Attribution attribution, GraphBuilder builder)
    {
        var cue = facts.Cues.FirstOrDefault(c => !c.Cue.IsReporting && c.Start >= attribution.SubjectEnd);
        var hasStrongCue = cue.End > 0;
        if (!hasStrongCue)
        {
            cue = facts.Cues.FirstOrDefault(c => c.Start >= attribution.SubjectEnd);
        }
        var clauses = Clauses.Of(facts);
        var confidence = Confidence(attribution.Kind, hasStrongCue, IsNegated(facts, cue, attribution.SubjectEnd), facts);

        var targets = new List<(string TargetId, Stance? Stance)>();
        foreach (var target in facts.Targets)
        {
            if (DirectCue(facts, target, attribution.SubjectEnd) is { } direct)
            {
                targets.Add((target.TargetId, Resolve(direct.Cue.Stance, direct.Cue, target.IsPractice, negated: false, hasStrongCue: true, framedAsNew: false)));
                continue;
            }
            // A target with no stance verb of its own clause takes the sentence's first one.
            var governing = GoverningCue(facts, clauses, target, attribution.SubjectEnd) ?? cue;
            var strong = governing.End > 0 && (!governing.Cue.IsReporting || !hasStrongCue);
            targets.Add((target.TargetId, Resolve(governing.End > 0 ? governing.Cue.Stance : Stance.Support, governing.Cue, target.IsPractice,
                IsNegated(facts, governing, attribution.SubjectEnd), strong && !governing.Cue.IsReporting, FramedAsNew(facts, target))));
        }
        if (targets.Count == 0 && hasStrongCue && cue.Cue.Stance == Stance.Propose && !IsNegated(facts, cue, attribution.SubjectEnd))
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
                builder.AddPosition(actorId, resolved, targetId, facts.Sentence, confidence, attribution.SpeakerId);
            }
        }
    }

    // The first stance verb of the target's clause after the subject: in a later clause ("…, but X opposed
    // the mechanism") it is that clause's own verb, not the sentence's first one. A cue nearer the target
    // is usually inside the object ("norms proposed by the GCSC", "concerns about terrorism").
    private static CueMention? GoverningCue(SentenceFacts facts, Clauses clauses, TargetMention target, int subjectEnd)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start >= subjectEnd && cue.End <= target.Start && !cue.Cue.IsReporting && clauses.Same(cue.Start, target.Start))
            {
                return cue;
            }
        }
        return null;
    }

    private static bool IsNegated(SentenceFacts facts, CueMention cue, int subjectEnd) =>
        cue.End > 0 && facts.Has(WordClass.Negation, Math.Max(subjectEnd, cue.Start - 3), cue.Start);

    private const int DirectCueReach = 5;

    // "…highlighted that there is no consensus on the applicability of IHL": a concern or oppose phrase right
    // before a target governs it, whatever verb introduced the clause.
    private static CueMention? DirectCue(SentenceFacts facts, TargetMention target, int subjectEnd)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start >= subjectEnd && cue.End <= target.Start && target.Start - cue.End <= DirectCueReach
                && cue.Cue.Stance is Stance.Concern or Stance.Oppose && !cue.Cue.IsReporting)
            {
                return cue;
            }
        }
        return null;
    }

    // "a dedicated review mechanism", "the establishment of a new norm": the target does not exist yet.
    private static bool FramedAsNew(SentenceFacts facts, TargetMention target) =>
        facts.Has(WordClass.NewIdea, Math.Max(0, target.Start - 4), target.Start + 1);

    // Speaking against a practice supports the principle that forbids it; describing the practice without
    // a stance verb is concern about it; backing something that does not exist yet proposes it; a negated
    // stance turns or vanishes.
    private static Stance? Resolve(Stance stance, StanceCue? cue, bool isPractice, bool negated, bool hasStrongCue, bool framedAsNew)
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
            return stance == Stance.Concern || !hasStrongCue ? Stance.Concern : Stance.Support;
        }
        if (cue is { IsAgainst: true })
        {
            return Stance.Oppose;
        }
        return stance == Stance.Support && framedAsNew ? Stance.Propose : stance;
    }

    private static double Confidence(AttributionKind kind, bool strongCue, bool negated, SentenceFacts facts)
    {
        var confidence = kind switch
        {
            AttributionKind.Explicit => 0.9,
            AttributionKind.Anaphoric => 0.8,
            AttributionKind.Author => 0.65,
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
        if (facts.Words.Any(w => w.Payload.Class == WordClass.Hedge))
        {
            confidence -= 0.1;
        }
        return Math.Round(Math.Max(confidence, 0.1), 2);
    }

    private DiplomaticProcess? FindProcess(SentenceFacts title, List<SentenceFacts> sentences)
    {
        var inTitle = title.Actors.FirstOrDefault(a => a.IsProcess);
        var id = inTitle.End > 0
            ? inTitle.ActorId
            : sentences.SelectMany(s => s.Actors).Where(a => a.IsProcess)
                .GroupBy(a => a.ActorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
                .FirstOrDefault()?.Key;
        return id is null ? null : _index.Taxonomy.ProcessesById[id].Process;
    }
}
