using System.Runtime.InteropServices;
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
    public const string LogicVersion = "2.47";

    private readonly ExtractionIndex _index;
    private readonly SentenceAnalyzer _analyzer;
    private readonly StanceResolver _stances;

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
        _stances = new StanceResolver(_index);
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
        var reportId = StableIds.ForReportText(document.Title, document.Text);
        var report = new Report(reportId, document.Title, document.Date, source, document.Text, document.Format, Version);
        var documentKey = source ?? reportId;
        var context = new ReportContext(document.Text, document.Date);
        // A loop into one list: SelectMany(...).ToList() made a list for every sentence and copied it.
        var sentences = new List<SentenceFacts>();
        // The body split where it lies in the text: document.Body would copy it out first.
        foreach (var sentence in SentenceSplitter.Split(document.Text, document.BodyStart, document.BodyEnd))
        {
            AddClauseParts(_analyzer.Analyze(sentence, document.BodyStart, context), context, sentences);
        }
        var title = _analyzer.Analyze(new Sentence(0, 0, 0, document.Title.Length, document.Title), 0, context);

        var process = FindProcess(title, sentences);
        var @event = new Event(StableIds.ForEvent(document.Title, document.Date), document.Title, document.Date,
            document.StartTime, document.EndTime, process?.Id);
        var titleSubject = ReportAuthors.TitleSubject(title);

        var (ownVoice, writer) = OwnVoiceAuthor(title, document.Author, sentences, context);

        var builder = new GraphBuilder(_index.Taxonomy, @event, documentKey, context);
        var current = (IReadOnlyList<string>)[];
        var lastSingleSpeaker = (IReadOnlyList<string>)[];
        var lastGroup = (IReadOnlyList<string>)[];
        var paragraph = -1;
        var (listIntro, inList) = (false, false);
        var references = new TargetReferences(_index);
        for (var index = 0; index < sentences.Count; index++)
        {
            var facts = sentences[index];
            references.Saw(index, facts);
            if (facts.Sentence.Paragraph != paragraph)
            {
                // "…made the following points:" and then a list: the list's items are the introducer's words.
                paragraph = facts.Sentence.Paragraph;
                current = listIntro ? current : [];
                (inList, listIntro) = (listIntro, false);
            }
            foreach (var mention in facts.Actors)
            {
                if (!mention.IsProcess)
                {
                    builder.MentionActor(mention.ActorId);
                }
            }
            if (IsSpeakerHeading(sentences, index))
            {
                // "## Brazil" and then the points Brazil made: the heading is their speaker.
                (current, listIntro) = (facts.Actors.Where(a => !a.IsProcess).Select(a => a.ActorId).Distinct(StringComparer.Ordinal).ToList(), true);
                continue;
            }
            var hasPassiveAgent = AddPassiveAgents(facts, builder);
            var hasModal = inList || HasModal(facts);
            // In the author's own text every sentence that names a target and no other speaker is the author's, a plain
            // claim too ("International humanitarian law protects medical facilities, and this extends to cyberspace").
            var previous = index > 0 && sentences[index - 1].Sentence.Paragraph == facts.Sentence.Paragraph ? sentences[index - 1] : null;
            var attribution = AttributionResolver.Resolve(facts, new Referents(current, lastSingleSpeaker, titleSubject, lastGroup, previous), hasModal);
            // "I do not believe a binding treaty would do better": the writer's own words, not the last speaker's.
            if (attribution is null or { Kind: AttributionKind.Carried } && (ownVoice.Count > 0 ? ownVoice : writer) is { Count: > 0 } self
                && facts.Targets.Count > 0 && ReportAuthors.IsFirstPerson(facts) && !NamesAnotherSubject(facts, self))
            {
                attribution = new Attribution(self, AttributionKind.Author, 0);
            }
            attribution ??= (ownVoice.Count > 0 && facts.Targets.Count > 0 && !NamesAnotherSubject(facts, ownVoice) ? new Attribution(ownVoice, AttributionKind.Author, 0) : null);
            if (OpensList(facts) && (attribution?.ActorIds ?? ListIntroducer(facts, ownVoice)) is { Count: > 0 } introducer)
            {
                (current, listIntro) = (introducer, true);
            }
            if (attribution is null || (hasPassiveAgent && attribution.Kind == AttributionKind.Carried)
                || (attribution.Kind is AttributionKind.Carried or AttributionKind.Author && ReportsUnnamedSpeakers(facts)))
            {
                continue; // a sentence about what someone else put forward does not carry the last speaker's view
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
                lastGroup = current.Count > 1 ? current : lastGroup;
            }
            references.Took(index, attribution.ActorIds, AddPositions(facts, attribution, builder, new SentenceReferences(references, index)));
        }
        return builder.Build(report, process);
    }

    // Asked of every sentence: a loop, not a closure over the index.
    private bool HasModal(SentenceFacts facts) => FirstModal(facts) >= 0;

    private int FirstModal(SentenceFacts facts)
    {
        for (var i = 0; i < facts.Tokens.Count; i++)
        {
            if (_index.Modals.Contains(facts.Tokens[i].Stem))
            {
                return i;
            }
        }
        return -1;
    }

    // "Some delegations have argued that a new treaty is needed", "Western states have championed…": the subject of
    // the first verb is a speaker the report does not name (not after a preposition: "use of force by States"). Not when a modal makes it the subject of a demand ("Others should refrain…"), nor in
    // the author's first person ("Like many others, we believe…").
    private bool ReportsUnnamedSpeakers(SentenceFacts facts)
    {
        var cue = facts.Cues.Count > 0 ? facts.Cues[0] : default;
        if (cue.End == 0 || ReportAuthors.IsFirstPerson(facts))
        {
            return false;
        }
        foreach (var word in facts.Words)
        {
            if (word.Payload.Class == WordClass.UnnamedSpeaker && word.End <= cue.Start && !AttributionResolver.FollowsPreposition(facts, word.Start)
                && (word.Start == 0 || !facts.Tokens[word.Start].IsCapitalised) // "the Charter of the United Nations" is a name
                && !facts.Tokens.Skip(word.End).Take(cue.Start - word.End).Any(t => _index.Modals.Contains(t.Stem)))
            {
                return true;
            }
        }
        return false;
    }

    // A paragraph of names alone, followed by another paragraph: a section headed by its speaker.
    private static bool IsSpeakerHeading(List<SentenceFacts> sentences, int index)
    {
        var facts = sentences[index];
        var paragraph = facts.Sentence.Paragraph;
        return ReportAuthors.IsOnlyNames(facts) && facts.Actors.Any(a => !a.IsProcess)
            && (index == 0 || sentences[index - 1].Sentence.Paragraph != paragraph)
            && index + 1 < sentences.Count && sentences[index + 1].Sentence.Paragraph != paragraph;
    }

    private static bool OpensList(SentenceFacts facts) => facts.Sentence.Text.AsSpan().TrimEnd().EndsWith(":", StringComparison.Ordinal);

    // Who introduces a list without a stance verb of its own: "We recommend that states:" in the author's voice,
    // "The GCSC, represented by its co-chair, made the following points:" by the actor it opens with.
    private static IReadOnlyList<string> ListIntroducer(SentenceFacts facts, IReadOnlyList<string> ownVoice)
    {
        if (ReportAuthors.IsFirstPerson(facts))
        {
            return ownVoice;
        }
        var first = facts.Actors.FirstOrDefault(a => !a.IsProcess && AttributionResolver.CanSpeak(facts, a));
        return first.End > 0 && AttributionResolver.WordBeforeName(facts, first.Start) < 0 ? ActorLists.StartingAt(facts, first) : [];
    }

    // A sentence whose clauses have speakers of their own is read clause by clause.
    private void AddClauseParts(SentenceFacts facts, ReportContext context, List<SentenceFacts> parts)
    {
        var points = ClauseSubjects.SplitPoints(facts);
        if (points.Count == 0)
        {
            parts.Add(facts);
            return;
        }
        points.Add(facts.Tokens.Count);
        var from = 0;
        foreach (var to in points)
        {
            parts.Add(_analyzer.AnalyzePart(facts, from, to, context));
            from = to;
        }
    }

    private const int HostVerbReach = 4;

    // "The Council this morning held a panel discussion on…": the subject's verb hosts an event.
    private bool HostsEvent(SentenceFacts facts, Attribution attribution)
    {
        var firstCue = facts.FirstCue(attribution.SubjectEnd);
        var end = Math.Min(facts.Tokens.Count, attribution.SubjectEnd + HostVerbReach);
        for (var i = attribution.SubjectEnd; i < end && (firstCue.End == 0 || i < firstCue.Start); i++)
        {
            if (!facts.Tokens[i].IsCapitalised && _index.EventVerbs.Contains(facts.Tokens[i].Stem) && !OpensBySpeaking(facts, i))
            {
                return true;
            }
        }
        return false;
    }

    // "Ambassador Verdier opened by recalling…", "…opened with a call for…": the speaker began speaking; no event is held.
    private static bool OpensBySpeaking(SentenceFacts facts, int verb) =>
        verb + 1 < facts.Tokens.Count && facts.Tokens[verb + 1].Surface is "by" or "with";

    // The report's own-voice author, who holds its unattributed sentences: the title's speaker, else a joint
    // statement's listed signatories, else the byline's author of a text in its own voice, else the one organisation a
    // first-person text names as a speaker, else the organisation that speaks in nearly every attributed sentence.
    // Failing one, the writer a byline names holds the first-person sentences only (a signed report of many speakers).
    private (IReadOnlyList<string> OwnVoice, IReadOnlyList<string> Writer) OwnVoiceAuthor(SentenceFacts title, string? byline, List<SentenceFacts> sentences, ReportContext context)
    {
        var fromTitle = ReportAuthors.FromTitle(title, _index.StatementNouns, _index.EventVerbs);
        if (fromTitle.Count > 0)
        {
            return (fromTitle, []);
        }
        var signatories = ReportAuthors.Signatories(sentences) is { Count: > 0 } listed ? listed : ReportAuthors.FirstPersonSignatories(sentences);
        if (signatories.Count > 0)
        {
            return (signatories, []);
        }
        // Each sentence is resolved again in the main loop; here only those that name an actor, since only a named
        // actor can be an explicit speaker (with no referents, Resolve gives nothing but explicit attributions).
        var explicitOnes = new List<Attribution>();
        foreach (var sentence in sentences)
        {
            if (sentence.Actors.Count > 0 && AttributionResolver.Resolve(sentence, Referents.None, sentenceHasModal: false) is { Kind: AttributionKind.Explicit } found)
            {
                explicitOnes.Add(found);
            }
        }
        var fromByline = ReportAuthors.FromByline(byline, sentences, explicitOnes, context,
            written => _analyzer.Analyze(new Sentence(0, 0, 0, written.Length, written), 0, context), IsOwnPrescription, out var firstPersonOnly);
        if (fromByline.Count > 0 && !firstPersonOnly)
        {
            return (fromByline, []);
        }
        var soleSpeaker = ReportAuthors.SoleSpeakerOfFirstPersonText(sentences, explicitOnes, IsOrganisation);
        return (soleSpeaker.Count > 0 ? soleSpeaker : ReportAuthors.Dominant(explicitOnes, IsOrganisation), fromByline);
    }

    // "Russia keeps asking for a binding treaty instead": a sentence whose subject is another actor is about that
    // actor, even when no stance verb of ours makes it speak; it is not the author's claim. So is a process's
    // description ("The Committee is mandated to develop a treaty"), though not a demand made of it ("The
    // mechanism should build one").
    private bool NamesAnotherSubject(SentenceFacts facts, IReadOnlyList<string> authors)
    {
        var firstTarget = facts.Targets[0].Start; // targets come in order
        var demand = HasModal(facts);
        // Asked of most sentences of a report with an author: a loop, not a closure over the sentence.
        foreach (var a in facts.Actors)
        {
            if ((!a.IsProcess || !demand) && a.End <= firstTarget && !authors.Contains(a.ActorId) && AttributionResolver.CanSpeak(facts, a))
            {
                return true;
            }
        }
        return false;
    }

    // "States should finally operationalise the norm protecting critical infrastructure": a demand about a target
    // that names no speaker before its modal and quotes nobody.
    private bool IsOwnPrescription(SentenceFacts facts)
    {
        if (facts.Targets.Count == 0 || facts.Sentence.Text.AsSpan().IndexOfAny(ReportAuthors.QuotationMarks) >= 0)
        {
            return false;
        }
        var modal = FirstModal(facts);
        if (modal < 0)
        {
            return false;
        }
        // Asked of every sentence of a report with a byline: a loop, not a closure over the modal.
        foreach (var actor in facts.Actors)
        {
            if (actor.Start < modal)
            {
                return false;
            }
        }
        return true;
    }

    private bool IsOrganisation(string actorId) =>
        !_index.Taxonomy.ProcessesById.ContainsKey(actorId)
        && !actorId.StartsWith(DiscoveredActors.PersonPrefix, StringComparison.Ordinal)
        && (!_index.Taxonomy.ActorsById.TryGetValue(actorId, out var entry) || entry.Actor.Type is not (ActorType.State or ActorType.Process or ActorType.Panel));

    private const int PassiveVerbReach = 3;

    // "The principles developed by the GFCE", "the PoA, presented in detail by France": the agent of a passive
    // authoring verb (a few words may stand between verb and "by") proposed what precedes it; the agent of
    // "supported by" or "opposed by" took that stance on it.
    private bool AddPassiveAgents(SentenceFacts facts, GraphBuilder builder)
    {
        var added = false;
        foreach (var agent in facts.Actors)
        {
            var by = AttributionResolver.WordBeforeName(facts, agent.Start);
            if (by < 1 || facts.Tokens[by].Surface != "by" || PassiveStance(facts, by) is not { } stance)
            {
                continue;
            }
            // A loop that skips: a lambda capturing `by` allocated a closure for every actor of every sentence.
            foreach (var target in facts.Targets)
            {
                if (target.Start >= by || target.IsPractice)
                {
                    continue;
                }
                var mechanism = Mechanism("passive", "verb", stance, target.Signal);
                foreach (var actorId in ActorLists.StartingAt(facts, agent))
                {
                    builder.AddPosition(actorId, stance, target.TargetId, facts.Sentence, _calibration.Confidence(mechanism), mechanism);
                }
                added = true;
            }
        }
        return added;
    }

    // The stance of the participle before "by": an authoring verb proposes; "supported by", "opposed by",
    // "rejected by" give their own stance.
    private static Stance? PassiveStance(SentenceFacts facts, int by)
    {
        var from = Math.Max(0, by - PassiveVerbReach);
        for (var i = by - 1; i >= from; i--)
        {
            if (facts.Has(WordClass.PassivePropose, i, by))
            {
                return Stance.Propose;
            }
            var cue = StanceCueAt(facts, i, by);
            if (cue.End > 0 && cue.Cue.Stance is Stance.Support or Stance.Oppose && facts.Tokens[i].Surface.EndsWith("ed", StringComparison.Ordinal))
            {
                return cue.Cue.Stance;
            }
            if (facts.TextBetween(i, i + 1).IndexOfAny([',', ';']) >= 0 || facts.Tokens[i].IsCapitalised)
            {
                return null; // the verb must stand in the same phrase as "by"
            }
        }
        return null;
    }

    // A loop: a lambda capturing `by` allocated its closure on every call of PassiveStance.
    private static CueMention StanceCueAt(SentenceFacts facts, int start, int by)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start == start && cue.End <= by && !cue.Cue.IsReporting)
            {
                return cue;
            }
        }
        return default;
    }

    private List<TargetStance> AddPositions(SentenceFacts facts, Attribution attribution, GraphBuilder builder, SentenceReferences references)
    {
        // What the verb after an insertion says comes first ("Indonesia and Thailand, three countries that run CERT
        // exercises, backed that approach"); when it names nothing, the insertion is all the sentence says ("France,
        // one of the sponsors of the Programme of Action, urged delegations to back the resolution").
        var narrowed = SubjectInsertions.Without(facts, attribution);
        var (reading, targets) = ReadTargets(narrowed, attribution, references);
        if (targets.Count == 0 && !ReferenceEquals(narrowed, facts))
        {
            (reading, targets) = ReadTargets(facts, attribution, references);
        }
        else
        {
            facts = narrowed;
        }
        var cue = reading.Cue;
        if (targets.Count == 0 && reading.HasStrongCue && attribution.Kind != AttributionKind.Carried && SemanticTarget(facts) is { } semantic
            && reading.StanceOfSentence(facts, attribution.SubjectEnd) is { } semanticStance)
        {
            targets.Add(new TargetStance(semantic, semanticStance, MatchSignal.Semantic));
        }
        if (targets.Count == 0 && reading.HasStrongCue && cue.Cue.Stance == Stance.Propose && !StanceResolver.IsNegated(facts, cue, attribution.SubjectEnd))
        {
            var after = facts.Sentence.Text[facts.Tokens[cue.End - 1].End..];
            if (ProposalLabeler.Label(after) is { } label)
            {
                targets.Add(new TargetStance(builder.AddProposal(label), Stance.Propose, ProposalSignal));
            }
        }
        foreach (var (targetId, stance, signal) in targets)
        {
            var mechanism = Mechanism(EnumNames.ToSnakeCase(attribution.Kind), reading.CueKind, stance, signal);
            // By index: foreach over the IReadOnlyList boxed an enumerator for every target.
            for (var i = 0; i < attribution.ActorIds.Count; i++)
            {
                builder.AddPosition(attribution.ActorIds[i], stance, targetId, facts.Sentence, _calibration.Confidence(mechanism), mechanism, attribution.SpeakerId);
            }
        }
        return targets;
    }

    private readonly record struct SentenceReferences(TargetReferences References, int Sentence);

    // The sentence's own targets with their stances, and after them those its stance verb refers back to.
    private (StanceReading Reading, List<TargetStance> Targets) ReadTargets(SentenceFacts facts, Attribution attribution, SentenceReferences references)
    {
        var reading = _stances.Read(facts, attribution.SubjectEnd);
        var targets = reading.Targets.ToList();
        if (reading.HasStrongCue && attribution.Kind != AttributionKind.Carried)
        {
            // "Egypt and South Africa echoed this, adding that capacity-building should be needs-based": a reference
            // before the sentence's own targets takes up the earlier position as well.
            var firstTarget = facts.Targets.Count == 0 ? int.MaxValue : facts.Targets[0].Start; // targets come in order
            foreach (var referred in CollectionsMarshal.AsSpan(ReferredTargets(facts, attribution, references, firstTarget)))
            {
                if (!targets.Exists(t => t.TargetId == referred.TargetId))
                {
                    targets.Add(referred);
                }
            }
        }
        return (reading, targets);
    }

    // "Uruguay and Costa Rica backed that position", "…proposed that drafting of such an instrument begin": the
    // first stance verb whose object refers back gives the targets, read as if they were named at the noun.
    private List<TargetStance>? ReferredTargets(SentenceFacts facts, Attribution attribution, SentenceReferences references, int firstTarget)
    {
        // Asked of every sentence with a stance verb, nearly always to find nothing: loops, and a list only once a
        // target is found (null otherwise, which CollectionsMarshal.AsSpan reads as empty).
        List<TargetStance>? found = null;
        foreach (var cue in facts.Cues)
        {
            if (cue.Start < attribution.SubjectEnd || cue.End > firstTarget || cue.Cue.IsReporting)
            {
                continue;
            }
            foreach (var (mention, earlier) in references.References.Resolve(references.Sentence, facts, cue))
            {
                foreach (var read in _stances.Read(facts with { Targets = [mention] }, attribution.SubjectEnd).Targets)
                {
                    if ((earlier is { } before ? TargetReferences.Combine(before, read.Stance) : read.Stance) is { } stance)
                    {
                        (found ??= []).Add(read with { Stance = stance });
                    }
                }
            }
            if (found is not null)
            {
                break;
            }
        }
        return found;
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
