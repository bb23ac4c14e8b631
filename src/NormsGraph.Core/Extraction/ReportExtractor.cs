using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Reading;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>
/// Turns a read report into a <see cref="ReportGraph"/>. Pure and deterministic: no I/O, no store,
/// the same document always gives the same graph. Thread-safe; build one per taxonomy and share it.
/// </summary>
public sealed class ReportExtractor
{
    /// <summary>Bumped when the extraction logic changes; the taxonomy's hash and the calibration's are appended.</summary>
    public const string LogicVersion = "2.4";

    private readonly ExtractionIndex _index;
    private readonly SentenceAnalyzer _analyzer;

    private readonly ExtractionCalibration _calibration;
    private readonly ITargetMatcher? _semantic;
    private readonly double _semanticThreshold;

    /// <param name="semanticTargets">Asked about a sentence with a speaker and a stance verb but no taxonomy
    /// phrase, so that a norm in other words is still found; null keeps extraction on phrases alone (bulk speed).</param>
    /// <param name="semanticThreshold">The matcher's score a target needs to be taken.</param>
    public ReportExtractor(Taxonomy.Taxonomy taxonomy, ExtractionCalibration? calibration = null,
        ITargetMatcher? semanticTargets = null, double semanticThreshold = DefaultSemanticThreshold)
    {
        _index = new ExtractionIndex(taxonomy);
        _analyzer = new SentenceAnalyzer(_index);
        _calibration = calibration ?? ExtractionCalibration.LoadEmbedded();
        _semantic = semanticTargets;
        _semanticThreshold = semanticThreshold;
        var semantic = semanticTargets is null ? "" : FormattableString.Invariant($"+semantic{semanticThreshold:0.00}");
        Version = $"{LogicVersion}+{taxonomy.Version}+{_calibration.Hash}{semantic}";
    }

    /// <summary>The matcher score above which a semantic target is taken (see docs/extraction.md).</summary>
    public const double DefaultSemanticThreshold = 0.85;

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

        var byline = document.Author is { Length: > 0 } written
            ? _analyzer.Analyze(new Sentence(0, 0, 0, written.Length, written), 0, context)
            : null;
        var ownVoice = OwnVoiceAuthor(title, byline, sentences, context);

        var builder = new GraphBuilder(_index.Taxonomy, @event, documentKey, context);
        var current = (IReadOnlyList<string>)[];
        var lastSingleSpeaker = (IReadOnlyList<string>)[];
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
            var hasModal = facts.Tokens.Any(t => _index.Modals.Contains(t.Stem));
            var attribution = AttributionResolver.Resolve(facts, new Referents(current, lastSingleSpeaker, author), hasModal)
                ?? (ownVoice.Count > 0 && (hasModal || facts.Cues.Count > 0 || ReportAuthors.IsFirstPerson(facts)) && facts.Targets.Count > 0
                    ? new Attribution(ownVoice, AttributionKind.Author, 0)
                    : null);
            if (attribution is null)
            {
                continue;
            }
            if (attribution.Kind == AttributionKind.Explicit && HostsEvent(facts, attribution))
            {
                current = []; // the host is not the speaker of what the next sentences report
                continue;
            }
            if (attribution.Kind == AttributionKind.Explicit)
            {
                current = attribution.ActorIds;
                lastSingleSpeaker = current.Count == 1 && !_index.Taxonomy.ProcessesById.ContainsKey(current[0]) ? current : lastSingleSpeaker;
            }
            AddPositions(facts, attribution, builder);
        }
        return builder.Build(report, process);
    }

    private const int HostVerbReach = 4;

    // "The Council this morning held a panel discussion on…": the subject's verb hosts an event.
    private bool HostsEvent(SentenceFacts facts, Attribution attribution)
    {
        var firstCue = facts.Cues.FirstOrDefault(c => c.Start >= attribution.SubjectEnd);
        var end = Math.Min(facts.Tokens.Count, attribution.SubjectEnd + HostVerbReach);
        for (var i = attribution.SubjectEnd; i < end && (firstCue.End == 0 || i < firstCue.Start); i++)
        {
            if (!facts.Tokens[i].IsCapitalised && _index.EventVerbs.Contains(facts.Tokens[i].Stem))
            {
                return true;
            }
        }
        return false;
    }

    // The title's speaker, else the byline's author of a first-person text, else the organisation that speaks in
    // nearly every attributed sentence.
    private IReadOnlyList<string> OwnVoiceAuthor(SentenceFacts title, SentenceFacts? byline, List<SentenceFacts> sentences, ReportContext context)
    {
        var fromTitle = ReportAuthors.FromTitle(title, _index.StatementNouns);
        if (fromTitle.Count > 0)
        {
            return fromTitle;
        }
        var fromByline = ReportAuthors.FromByline(byline, sentences, context);
        if (fromByline.Count > 0)
        {
            return fromByline;
        }
        var explicitOnes = sentences
            .Select(s => AttributionResolver.Resolve(s, Referents.None, sentenceHasModal: false))
            .Where(a => a is { Kind: AttributionKind.Explicit })
            .Select(a => a!);
        return ReportAuthors.Dominant(explicitOnes, IsOrganisation);
    }

    private bool IsOrganisation(string actorId) =>
        !_index.Taxonomy.ProcessesById.ContainsKey(actorId)
        && !actorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal)
        && (!_index.Taxonomy.ActorsById.TryGetValue(actorId, out var entry) || entry.Actor.Type is not (ActorType.State or ActorType.Process or ActorType.Panel));

    // "The principles developed by the GFCE": the agent of a passive authoring verb proposed what precedes it.
    private void AddPassiveAgents(SentenceFacts facts, GraphBuilder builder)
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
                var mechanism = Mechanism("passive", "verb", Stance.Propose, target.Signal);
                builder.AddPosition(agent.ActorId, Stance.Propose, target.TargetId, facts.Sentence, _calibration.Confidence(mechanism), mechanism);
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
        var cueKind = hasStrongCue ? "verb" : cue.End > 0 ? "reported" : "none";
        var targets = new List<(string TargetId, Stance? Stance, MatchSignal Signal)>();
        foreach (var target in facts.Targets)
        {
            if (DirectCue(facts, target, attribution.SubjectEnd) is { } direct)
            {
                var directStance = Resolve(direct.Cue.Stance, direct.Cue, target.IsPractice, negated: false, hasStrongCue: true, framedAsNew: false);
                targets.Add((target.TargetId, Refine(directStance, facts, direct, target), target.Signal));
                continue;
            }
            // A target with no stance verb of its own clause takes the sentence's first one.
            var governing = GoverningCue(facts, clauses, target, attribution.SubjectEnd) ?? cue;
            var strong = governing.End > 0 && (!governing.Cue.IsReporting || !hasStrongCue);
            var stance = Resolve(governing.End > 0 ? governing.Cue.Stance : Stance.Support, governing.Cue, target.IsPractice,
                IsNegated(facts, governing, attribution.SubjectEnd), strong && !governing.Cue.IsReporting, FramedAsNew(facts, target));
            targets.Add((target.TargetId, Refine(stance, facts, governing, target), target.Signal));
        }
        if (targets.Count == 0 && hasStrongCue && attribution.Kind != AttributionKind.Carried && SemanticTarget(facts) is { } semantic)
        {
            targets.Add((semantic, Resolve(cue.Cue.Stance, cue.Cue, isPractice: false, IsNegated(facts, cue, attribution.SubjectEnd), hasStrongCue: true,
                framedAsNew: false), MatchSignal.Semantic));
        }
        if (targets.Count == 0 && hasStrongCue && cue.Cue.Stance == Stance.Propose && !IsNegated(facts, cue, attribution.SubjectEnd))
        {
            var after = facts.Sentence.Text[facts.Tokens[cue.End - 1].End..];
            if (ProposalLabeler.Label(after) is { } label)
            {
                targets.Add((builder.AddProposal(label), Stance.Propose, ProposalSignal));
            }
        }
        foreach (var (targetId, targetStance, signal) in targets)
        {
            if (targetStance is not { } resolved)
            {
                continue;
            }
            var mechanism = Mechanism(EnumNames.ToSnakeCase(attribution.Kind), cueKind, resolved, signal);
            foreach (var actorId in attribution.ActorIds)
            {
                builder.AddPosition(actorId, resolved, targetId, facts.Sentence, _calibration.Confidence(mechanism), mechanism, attribution.SpeakerId);
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

    // The best taxonomy target of the whole sentence by the shared matcher, when it clears the threshold.
    private string? SemanticTarget(SentenceFacts facts)
    {
        if (_semantic is null)
        {
            return null;
        }
        var matches = _semantic.Match(facts.Sentence.Text, 1, _semanticThreshold);
        var best = matches.Count > 0 ? matches[0] : null;
        return best is not null && best.Score >= _semanticThreshold && _index.Taxonomy.TargetsById.ContainsKey(best.TargetId) ? best.TargetId : null;
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

    // What the target is refines the stance: a proposal that works on an existing target ("proposed an amendment
    // to strengthen the language on human rights") supports it, and a concern about an instrument that states are
    // asked to create ("attempts at a new treaty could undermine…") opposes it, and a norm that a concern word
    // says is harmed ("will undermine cooperation against cybercrime") is one the speaker stands for.
    private Stance? Refine(Stance? stance, SentenceFacts facts, CueMention governing, TargetMention target)
    {
        if (stance == Stance.Propose && governing.End > 0 && governing.Cue.Stance == Stance.Propose && governing.End <= target.Start
            && facts.Has(WordClass.Implementation, governing.End, target.Start + 1) && !FramedAsNew(facts, target))
        {
            return Stance.Support;
        }
        if (stance != Stance.Concern || target.IsPractice)
        {
            return stance;
        }
        if (_index.Taxonomy.TargetsById.TryGetValue(target.TargetId, out var entry) && entry.IsProposedInstrument)
        {
            return Stance.Oppose;
        }
        return governing.End > 0 && governing.End <= target.Start && facts.Has(WordClass.Harm, governing.Start, governing.End)
            ? Stance.Support
            : stance;
    }

    // A proposal that matches no taxonomy target gets a label of its own; its signal is none of the matcher's.
    private const MatchSignal ProposalSignal = (MatchSignal)(-1);

    private static string Mechanism(string attribution, string cue, Stance stance, MatchSignal signal) =>
        $"{attribution}/{cue}/{EnumNames.ToSnakeCase(stance)}/{(signal == ProposalSignal ? "proposal" : EnumNames.ToSnakeCase(signal))}";

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
