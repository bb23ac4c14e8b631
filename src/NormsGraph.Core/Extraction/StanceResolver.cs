using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;

namespace NormsGraph.Core.Extraction;

/// <summary>One target of a sentence and the stance its holders take on it.</summary>
internal readonly record struct TargetStance(string TargetId, Stance Stance, MatchSignal Signal);

/// <summary>
/// How a sentence's stance reads: the cue that carries it after the subject (<see cref="CueKind"/> "verb" for a
/// stance verb, "reported" for a reporting verb alone, "none"), and the stance of each phrase target.
/// </summary>
internal sealed record StanceReading(string CueKind, CueMention Cue, bool HasStrongCue, IReadOnlyList<TargetStance> Targets)
{
    /// <summary>The stance the sentence's own cue gives a target found without a phrase (the semantic signal).</summary>
    public Stance? StanceOfSentence(SentenceFacts facts, int subjectEnd) =>
        StanceResolver.Resolve(Cue.Cue.Stance, Cue.Cue, isPractice: false, StanceResolver.IsNegated(facts, Cue, subjectEnd), hasStrongCue: true, framedAsNew: false);
}

/// <summary>
/// Decides the stance a sentence's speaker takes on each target it names: the cue that governs the target
/// (a concern phrase right before it, else the first stance verb of its clause, else the sentence's first),
/// negation before that cue, whether the target is a practice or framed as new, and what the target is.
/// </summary>
internal sealed class StanceResolver(ExtractionIndex index)
{
    public StanceReading Read(SentenceFacts facts, int subjectEnd)
    {
        var cue = facts.FirstCue(subjectEnd, stanceOnly: true);
        var hasStrongCue = cue.End > 0;
        if (!hasStrongCue)
        {
            cue = facts.FirstCue(subjectEnd);
        }
        var clauses = Clauses.Of(facts);
        var targets = new List<TargetStance>();
        foreach (var target in facts.Targets)
        {
            Stance? stance;
            if (!target.IsPractice && DeniedApplication(facts, clauses, target))
            {
                targets.Add(new TargetStance(target.TargetId, Stance.Oppose, target.Signal));
                continue;
            }
            var before = DirectCue(facts, target, subjectEnd);
            if ((before ?? PredicateCue(facts, clauses, target)) is { } direct)
            {
                // "…participation cannot remain at the mercy of a veto": a predicate is negated at its copula.
                var negated = before is null ? facts.Has(WordClass.Negation, target.Start + 1, direct.Start) : IsNegated(facts, direct, subjectEnd);
                // "No state should undermine another state's critical infrastructure": a harm denied is the norm
                // upheld, whether the harm's object is the norm's own wording or a practice against it.
                stance = negated && facts.Has(WordClass.Harm, direct.Start, direct.End)
                    ? Stance.Support
                    : Refine(Resolve(direct.Cue.Stance, direct.Cue, target.IsPractice, negated, hasStrongCue: true, framedAsNew: false), facts, direct, target);
            }
            else
            {
                // A target with no stance verb of its own clause takes the sentence's first one, but not from
                // across a concession: in "While IHL may apply…, Cuba warned against…" the warning is not about IHL.
                // Nor from a later clause: in "…easier for stakeholders to participate; the rules allow one state to
                // veto any organisation" the veto is not the speaker's stance on participation.
                var governing = GoverningCue(facts, clauses, target, subjectEnd) ?? (cue.End > 0 && (!CanGovern(cue, target) || Opens(cue, target)) ? default : cue);
                if (governing.End > 0 && governing.Start > target.Start && !clauses.Same(governing.Start, target.Start))
                {
                    if (clauses.IsConcession(target.Start))
                    {
                        continue;
                    }
                    governing = default;
                }
                // "I do not believe a treaty would help; we should protect critical infrastructure": a semicolon closes
                // what the verb before it governs, its negation with it.
                if (governing.End > 0 && governing.End <= target.Start && facts.TextBetween(governing.End - 1, target.Start).Contains(';'))
                {
                    governing = default;
                }
                var strong = governing.End > 0 && (!governing.Cue.IsReporting || !hasStrongCue);
                if (target.IsPractice && !(strong && !governing.Cue.IsReporting) && DeniesPractice(facts, clauses, target, subjectEnd))
                {
                    targets.Add(new TargetStance(target.TargetId, Stance.Support, target.Signal));
                    continue;
                }
                stance = Refine(Resolve(governing.End > 0 ? governing.Cue.Stance : Stance.Support, governing.Cue, target.IsPractice,
                    IsNegated(facts, governing, subjectEnd), strong && !governing.Cue.IsReporting,
                    FramedAsNew(facts, target) && IsProposal(target) && !LooksBack(facts, governing)), facts, governing, target);
            }
            if (stance is { } resolved)
            {
                targets.Add(new TargetStance(target.TargetId, resolved, target.Signal));
            }
        }
        return new StanceReading(hasStrongCue ? "verb" : cue.End > 0 ? "reported" : "none", cue, hasStrongCue, targets);
    }

    // The first stance verb of the target's clause after the subject: in a later clause ("…, but X opposed
    // the mechanism") it is that clause's own verb, not the sentence's first one. A cue nearer the target
    // is usually inside the object ("norms proposed by the GCSC", "concerns about terrorism"). A clause with
    // only a reporting verb ("…and said that states should settle disputes under the Charter") is governed by
    // it, not by a stance verb of another clause.
    private static CueMention? GoverningCue(SentenceFacts facts, Clauses clauses, TargetMention target, int subjectEnd)
    {
        CueMention? reporting = null;
        foreach (var cue in facts.Cues)
        {
            if (cue.Start < subjectEnd || cue.End > target.Start || !clauses.Same(cue.Start, target.Start))
            {
                continue;
            }
            // "Switzerland disagreed, arguing that IHL protects civilians": a verb with no object governs nothing after it.
            if (!cue.Cue.IsReporting && CanGovern(cue, target) && !TargetReferences.HasNoObject(facts, cue))
            {
                return cue;
            }
            reporting ??= cue.Cue.IsReporting && !cue.Cue.TakesAddressee && clauses[target.Start] > 0 ? cue : null;
        }
        return reporting;
    }

    private const int DenialReach = 4;

    // "No state should undermine another state's critical infrastructure", "states should not develop offensive
    // capabilities": a practice said not to be done is the principle against it, upheld.
    private bool DeniesPractice(SentenceFacts facts, Clauses clauses, TargetMention target, int subjectEnd) =>
        facts.Has(WordClass.Negation, Math.Max(subjectEnd, target.Start - DenialReach), target.Start)
        || HasDeniedSubject(facts, clauses, target);

    private const int NoSubjectReach = 3;

    // "First, no government should assemble or rent networks of compromised devices": a subject denied by "no" before
    // its modal denies everything the modal governs in that clause, however far the practice stands.
    private bool HasDeniedSubject(SentenceFacts facts, Clauses clauses, TargetMention target)
    {
        for (var i = 0; i < target.Start; i++)
        {
            if (!facts.Tokens[i].Surface.Equals("no", StringComparison.OrdinalIgnoreCase) || !clauses.Same(i, target.Start))
            {
                continue;
            }
            for (var m = i + 2; m <= Math.Min(i + NoSubjectReach, target.Start - 1); m++)
            {
                if (index.Modals.Contains(facts.Tokens[m].Stem) || facts.Tokens[m].Surface is "shall" or "will" or "would" or "may" or "can")
                {
                    return true;
                }
            }
        }
        return false;
    }

    // "No state should undermine critical infrastructure": a harm word that opens a practice is the practice's own
    // verb, not the speaker's stance on it.
    private static bool Opens(CueMention cue, TargetMention target) => target.IsPractice && cue.Start == target.Start;

    // "against", "stop" speak against a practice, never against a principle ("the prohibition against…").
    private static bool CanGovern(CueMention cue, TargetMention target) => !cue.Cue.GovernsOnlyPractices || target.IsPractice;

    internal static bool IsNegated(SentenceFacts facts, CueMention cue, int subjectEnd) =>
        cue.End > 0 && facts.Has(WordClass.Negation, Math.Max(subjectEnd, cue.Start - 3), cue.Start);

    private const int DirectCueReach = 5;

    // "…highlighted that there is no consensus on the applicability of IHL": a concern or oppose phrase right
    // before a target governs it, whatever verb introduced the clause.
    private static CueMention? DirectCue(SentenceFacts facts, TargetMention target, int subjectEnd)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start >= subjectEnd && cue.End <= target.Start && target.Start - cue.End <= DirectCueReach
                && cue.Cue.Stance is Stance.Concern or Stance.Oppose && !cue.Cue.IsReporting && CanGovern(cue, target)
                && !TargetReferences.HasNoObject(facts, cue))
            {
                return cue;
            }
        }
        return null;
    }

    private const int PredicateReach = 8;

    private static readonly HashSet<string> Copulas = new(StringComparer.OrdinalIgnoreCase)
    {
        "is", "was", "are", "were", "be", "been", "remains", "remained", "seems", "seemed", "appears", "appeared",
    };

    // "…argued that the programme of action was premature", "a new treaty would be unnecessary": an oppose or
    // concern word that the target is said to be governs it, whatever verb introduced the clause.
    private static CueMention? PredicateCue(SentenceFacts facts, Clauses clauses, TargetMention target)
    {
        foreach (var cue in facts.Cues)
        {
            if (cue.Start > target.Start && cue.Start - target.Start <= PredicateReach && cue.Cue.Stance is Stance.Concern or Stance.Oppose
                && !cue.Cue.IsReporting && clauses.Same(cue.Start, target.Start)
                && HasCopula(facts, target.Start + 1, cue.Start))
            {
                return cue;
            }
        }
        return null;
    }

    // Asked for every target of every sentence read for a stance: a loop, not Enumerable.Range with a closure.
    private static bool HasCopula(SentenceFacts facts, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (Copulas.Contains(facts.Tokens[i].Surface))
            {
                return true;
            }
        }
        return false;
    }

    private const int ApplicationReach = 3;

    // "…said that international humanitarian law does not apply to cyberspace", "…is not applicable": the target
    // said not to hold, in its own clause, whatever verb introduced it.
    private static bool DeniedApplication(SentenceFacts facts, Clauses clauses, TargetMention target)
    {
        foreach (var word in facts.Words)
        {
            if (word.Payload.Class != WordClass.Application || word.Start <= target.Start || word.Start - target.Start > PredicateReach
                || !clauses.Same(word.Start, target.Start))
            {
                continue;
            }
            if (facts.Has(WordClass.Negation, Math.Max(target.Start + 1, word.Start - ApplicationReach), word.Start))
            {
                return true;
            }
        }
        return false;
    }

    // "welcomed the establishment of the directory": the verb greets something done, so it is not a proposal.
    private static bool LooksBack(SentenceFacts facts, CueMention governing) =>
        governing.End > 0 && facts.Has(WordClass.Retrospective, governing.Start, governing.End);

    // "a dedicated review mechanism", "the establishment of a new norm": the target does not exist yet.
    private static bool FramedAsNew(SentenceFacts facts, TargetMention target) =>
        facts.Has(WordClass.NewIdea, Math.Max(0, target.Start - 4), target.Start + 1);

    private bool IsProposal(TargetMention target) =>
        index.Taxonomy.TargetsById.TryGetValue(target.TargetId, out var entry) && entry.IsProposedInstrument;

    // Speaking against a practice supports the principle that forbids it; describing the practice without
    // a stance verb is concern about it; backing something that does not exist yet proposes it; a negated
    // stance turns or vanishes.
    internal static Stance? Resolve(Stance stance, StanceCue? cue, bool isPractice, bool negated, bool hasStrongCue, bool framedAsNew)
    {
        if (cue is { IsNeutral: true })
        {
            return null; // "took note of the proposal" acknowledges it without backing it
        }
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
        if (index.Taxonomy.TargetsById.TryGetValue(target.TargetId, out var entry) && entry.IsProposedInstrument)
        {
            return Stance.Oppose;
        }
        return governing.End > 0 && governing.End <= target.Start && facts.Has(WordClass.Harm, governing.Start, governing.End)
            ? Stance.Support
            : stance;
    }
}
