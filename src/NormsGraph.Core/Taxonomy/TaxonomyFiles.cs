namespace NormsGraph.Core.Taxonomy;

// Shapes of the YAML files described in graph-schema/taxonomy/FORMAT.md.
internal sealed class StatesFile
{
    public List<StateEntry> States { get; set; } = [];
}

internal sealed class StateEntry
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public List<string> Aliases { get; set; } = [];
    public List<string> Demonyms { get; set; } = [];
    public bool CaseSensitive { get; set; }
}

internal sealed class ActorsFile
{
    public List<ActorEntry> Actors { get; set; } = [];
}

internal sealed class ActorEntry
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "other";
    public List<string> Aliases { get; set; } = [];
    public bool CaseSensitive { get; set; }
}

internal sealed class ProcessesFile
{
    public List<ProcessEntry> Processes { get; set; } = [];
}

internal sealed class ProcessEntry
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Acronym { get; set; }
    public List<string> Aliases { get; set; } = [];
    public List<int> Years { get; set; } = [];
}

internal sealed class NormsFile
{
    public List<FrameworkEntry> Frameworks { get; set; } = [];
    public List<TargetEntry> Targets { get; set; } = [];
}

internal sealed class FrameworkEntry
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public int? Year { get; set; }
}

internal sealed class TargetEntry
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Framework { get; set; }
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Phrases { get; set; } = [];
    public List<List<string>> Cooccur { get; set; } = [];
    public List<List<string>> PracticeCooccur { get; set; } = [];
    public List<string> Practices { get; set; } = [];
    public bool Proposal { get; set; }
}

internal sealed class LanguageFile
{
    public List<StanceEntry> Stances { get; set; } = [];
    public List<string> Reporting { get; set; } = [];
    public List<string> Negations { get; set; } = [];
    public List<string> Anaphora { get; set; } = [];
    public List<string> AgainstCues { get; set; } = [];
    public List<string> Hedges { get; set; } = [];
    public List<string> OrgSuffixes { get; set; } = [];
    public List<string> OrgPrefixes { get; set; } = [];
    public List<string> PersonTitles { get; set; } = [];
    public List<string> NewIdeaCues { get; set; } = [];
    public List<string> PassiveProposeCues { get; set; } = [];
    public List<string> SpeakerRoles { get; set; } = [];
    public List<string> PersonRoles { get; set; } = [];
    public List<string> Modals { get; set; } = [];
    public List<string> DemonymHeads { get; set; } = [];
    public List<string> StatementNouns { get; set; } = [];
    public List<string> EventVerbs { get; set; } = [];
    public List<string> ChairWords { get; set; } = [];
    public List<string> ChairDocuments { get; set; } = [];
    public List<string> AddresseeVerbs { get; set; } = [];
    public List<string> ImplementationCues { get; set; } = [];
    public List<string> HarmCues { get; set; } = [];
    public List<string> RetrospectiveCues { get; set; } = [];
    public List<string> NeutralCues { get; set; } = [];
    public List<string> SignatoryLabels { get; set; } = [];
    public List<string> PositionNouns { get; set; } = [];
    public List<string> ReferenceNouns { get; set; } = [];
    public List<string> ReferenceDeterminers { get; set; } = [];
    public List<string> PracticeCues { get; set; } = [];
    public List<string> UnnamedSpeakers { get; set; } = [];
    public List<string> ViewpointOpeners { get; set; } = [];
    public List<string> ViewpointNouns { get; set; } = [];
    public List<string> ObjectPronouns { get; set; } = [];
    public List<string> SelfReferences { get; set; } = [];
    public List<string> StanceSources { get; set; } = [];
    public List<string> ApplicationVerbs { get; set; } = [];
    public List<string> AlignmentVerbs { get; set; } = [];
}

internal sealed class StanceEntry
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Description { get; set; }
    public List<string> Cues { get; set; } = [];
}
