using NormsGraph.Core.Domain;

namespace NormsGraph.Core.Taxonomy;

/// <summary>The words that mark stance, negation, reported speech and reference in report prose.</summary>
public sealed record LanguageCues(
    IReadOnlyDictionary<Stance, IReadOnlyList<string>> StanceCues,
    IReadOnlyList<string> Reporting,
    IReadOnlyList<string> Negations,
    IReadOnlyList<string> Anaphora,
    IReadOnlyList<string> AgainstCues,
    IReadOnlyList<string> Hedges,
    IReadOnlyList<string> OrgSuffixes,
    IReadOnlyList<string> OrgPrefixes,
    IReadOnlyList<string> PersonTitles,
    IReadOnlyList<string> NewIdeaCues,
    IReadOnlyList<string> PassiveProposeCues,
    IReadOnlyList<string> SpeakerRoles,
    IReadOnlyList<string> PersonRoles,
    IReadOnlyList<string> Modals,
    IReadOnlyList<string> DemonymHeads,
    IReadOnlyList<string> StatementNouns,
    IReadOnlyList<string> EventVerbs,
    IReadOnlyList<string> ChairWords,
    IReadOnlyList<string> ChairDocuments,
    IReadOnlyList<string> AddresseeVerbs,
    IReadOnlyList<string> ImplementationCues,
    IReadOnlyList<string> HarmCues,
    IReadOnlyList<string> RetrospectiveCues,
    IReadOnlyList<string> NeutralCues,
    IReadOnlyList<string> SignatoryLabels,
    IReadOnlyList<string> PositionNouns,
    IReadOnlyList<string> ReferenceNouns,
    IReadOnlyList<string> ReferenceDeterminers,
    IReadOnlyList<string> PracticeCues,
    IReadOnlyList<string> UnnamedSpeakers,
    IReadOnlyList<string> ViewpointOpeners,
    IReadOnlyList<string> ViewpointNouns,
    IReadOnlyList<string> ObjectPronouns);
