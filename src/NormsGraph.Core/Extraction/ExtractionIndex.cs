using System.Collections.Frozen;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Taxonomy;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>The taxonomy compiled into phrase matchers; built once per taxonomy and shared by all extractions.</summary>
internal sealed class ExtractionIndex
{
    public ExtractionIndex(Taxonomy.Taxonomy taxonomy)
    {
        Taxonomy = taxonomy;
        foreach (var entry in taxonomy.Actors)
        {
            foreach (var name in entry.Actor.Aliases.Append(entry.Actor.Name))
            {
                AddName(name, entry.Actor.Id, isProcess: false, entry.CaseSensitive);
            }
            foreach (var demonym in entry.Demonyms)
            {
                Actors.Add(demonym, new ActorAlias(entry.Actor.Id, IsProcess: false, IsDemonym: true, RequiredSurfaces: null));
            }
        }
        foreach (var process in taxonomy.Processes)
        {
            foreach (var name in process.Aliases.Append(process.Process.Name).Concat(OptionalAcronym(process)))
            {
                AddName(name, process.Process.Id, isProcess: true, caseSensitive: false);
            }
        }
        Targets = new TaxonomyPhraseMatcher(taxonomy);
        var language = taxonomy.Language;
        foreach (var (stance, cues) in language.StanceCues)
        {
            foreach (var cue in cues)
            {
                Stances.Add(cue, new StanceCue(stance, IsReporting: false, IsAgainst: false));
            }
        }
        var addresseeVerbs = StemSet(language.AddresseeVerbs);
        foreach (var cue in language.Reporting)
        {
            var stems = Tokenizer.Stems(cue);
            Stances.Add(stems, new StanceCue(Stance.Support, IsReporting: true, IsAgainst: false, TakesAddressee: stems.Length > 0 && addresseeVerbs.Contains(stems[0])));
        }
        foreach (var cue in language.NeutralCues)
        {
            Stances.Add(cue, new StanceCue(Stance.Support, IsReporting: false, IsAgainst: false, IsNeutral: true));
        }
        foreach (var cue in language.AgainstCues)
        {
            Stances.Add(cue, new StanceCue(Stance.Oppose, IsReporting: false, IsAgainst: true));
        }
        foreach (var cue in language.PracticeCues)
        {
            Stances.Add(cue, new StanceCue(Stance.Oppose, IsReporting: false, IsAgainst: true, GovernsOnlyPractices: true));
        }
        AddWords(language.Negations, WordClass.Negation);
        AddWords(language.Anaphora, WordClass.Anaphor);
        AddWords(language.Hedges, WordClass.Hedge);
        AddWords(language.NewIdeaCues, WordClass.NewIdea);
        AddWords(language.PassiveProposeCues, WordClass.PassivePropose);
        AddWords(language.ImplementationCues, WordClass.Implementation);
        AddWords(language.HarmCues, WordClass.Harm);
        AddWords(language.RetrospectiveCues, WordClass.Retrospective);
        AddWords(language.SignatoryLabels, WordClass.SignatoryLabel);
        AddWords(language.SpeakerRoles, WordClass.SpeakerRole);
        AddWords(language.UnnamedSpeakers, WordClass.UnnamedSpeaker);
        AddWords(language.ViewpointOpeners, WordClass.ViewpointOpener);
        AddWords(language.ViewpointNouns, WordClass.ViewpointNoun);
        AddWords(language.SelfReferences, WordClass.SelfReference);
        AddWords(language.StanceSources, WordClass.StanceSource);
        AddWords(language.ApplicationVerbs, WordClass.Application);
        OrganisationSuffixes = language.OrgSuffixes.ToHashSet(StringComparer.Ordinal);
        OrganisationPrefixes = language.OrgPrefixes.ToHashSet(StringComparer.Ordinal);
        PersonRoles = language.PersonRoles.ToHashSet(StringComparer.OrdinalIgnoreCase);
        DemonymHeads = StemSet(language.DemonymHeads);
        Modals = StemSet(language.Modals);
        StatementNouns = StemSet(language.StatementNouns);
        EventVerbs = StemSet(language.EventVerbs);
        PositionNouns = StemSet(language.PositionNouns);
        AlignmentVerbs = StemSet(language.AlignmentVerbs);
        ReferenceNouns = StemSet(language.ReferenceNouns);
        ReferenceDeterminers = language.ReferenceDeterminers.ToHashSet(StringComparer.OrdinalIgnoreCase);
        ObjectPronouns = language.ObjectPronouns.ToHashSet(StringComparer.OrdinalIgnoreCase);
        TargetWords = taxonomy.Targets.ToDictionary(t => t.Target.Id,
            t => (IReadOnlySet<string>)t.Phrases.Prepend(t.Target.Name).SelectMany(Tokenizer.Stems).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        ChairWords = language.ChairWords.ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var document in language.ChairDocuments)
        {
            ChairDocuments.Add(document, document);
        }
        PersonTitles = language.PersonTitles.Where(t => !t.Contains(' ', StringComparison.Ordinal))
            .Select(t => t.TrimEnd('.')).ToHashSet(StringComparer.Ordinal);
    }

    public Taxonomy.Taxonomy Taxonomy { get; }
    public PhraseMatcher<ActorAlias> Actors { get; } = new();
    /// <summary>The phrase signal of target matching, shared with statement linking.</summary>
    public TaxonomyPhraseMatcher Targets { get; }

    public PhraseMatcher<StanceCue> Stances { get; } = new();
    public PhraseMatcher<WordCue> Words { get; } = new();

    /// <summary>Capitalised words that end an organisation's name, or its head ("Media Foundation for West Africa").</summary>
    public IReadOnlySet<string> OrganisationSuffixes { get; }

    /// <summary>Capitalised words that start an organisation's name ("Association for Progressive Communications").</summary>
    public IReadOnlySet<string> OrganisationPrefixes { get; }

    /// <summary>Role nouns of an apposition after a person's full name ("…, director of…").</summary>
    public IReadOnlySet<string> PersonRoles { get; }

    /// <summary>One-word titles before a person's name ("Mr", "Ambassador").</summary>
    public IReadOnlySet<string> PersonTitles { get; }

    /// <summary>Stems of the nouns that turn a demonym into an actor ("the Dutch delegation").</summary>
    public IReadOnlySet<string> DemonymHeads { get; }

    /// <summary>Stems of words that make a sentence say what should be done.</summary>
    public IReadOnlySet<string> Modals { get; }

    /// <summary>Stems of nouns by which a title says its actor speaks ("statement", "position paper").</summary>
    public IReadOnlySet<string> StatementNouns { get; }

    /// <summary>Stems of verbs by which a body hosts an event ("held a panel discussion").</summary>
    public IReadOnlySet<string> EventVerbs { get; }

    /// <summary>Stems of nouns by which a speaker takes up the previous speaker's position ("backed that position").</summary>
    public IReadOnlySet<string> PositionNouns { get; }

    /// <summary>Verbs whose object may be another speaker whose view the subject takes up ("sided with Estonia").</summary>
    public IReadOnlySet<string> AlignmentVerbs { get; }

    /// <summary>Stems of nouns by which a sentence names an earlier target again ("such an instrument", "the treaty").</summary>
    public IReadOnlySet<string> ReferenceNouns { get; }

    /// <summary>Words that make the noun after them refer back ("that position", "such an instrument"), as written.</summary>
    public IReadOnlySet<string> ReferenceDeterminers { get; }

    /// <summary>Object pronouns that refer to the target last named ("opposed it"), as written.</summary>
    public IReadOnlySet<string> ObjectPronouns { get; }

    /// <summary>The stems of each taxonomy target's name and phrases, by target id.</summary>
    public IReadOnlyDictionary<string, IReadOnlySet<string>> TargetWords { get; }

    /// <summary>Words naming a process's chair ("Chair", "Chairperson").</summary>
    public IReadOnlySet<string> ChairWords { get; }

    /// <summary>The chair's documents ("zero draft", "progress report"); the payload is the phrase as listed.</summary>
    public PhraseMatcher<string> ChairDocuments { get; } = new();

    public bool IsDemonymHead(Token token) => DemonymHeads.Contains(token.Stem);

    // Looked up one token at a time, so a listed phrase ("foreign ministry") stands for its first word.
    // Asked about every token of a sentence (modals, event verbs, demonym heads…): a frozen set answers a miss,
    // nearly every lookup, faster than a hash set.
    private static FrozenSet<string> StemSet(IEnumerable<string> words) =>
        words.Select(Tokenizer.Stems).Where(s => s.Length > 0).Select(s => s[0]).ToFrozenSet(StringComparer.Ordinal);

    private static IEnumerable<string> OptionalAcronym(TaxonomyProcess process) =>
        process.Process.Acronym is { Length: > 0 } acronym ? [acronym] : [];

    private void AddName(string name, string actorId, bool isProcess, bool caseSensitive)
    {
        var tokens = Tokenizer.Tokenize(StripArticle(name));
        if (tokens.Count == 0)
        {
            return;
        }
        // Short names in capitals ("US", "UK") or listed as case-sensitive must match as written.
        var exact = caseSensitive || (name.Length < 5 && tokens.All(t => t.Surface.Any(char.IsUpper)));
        var surfaces = exact ? tokens.Select(t => t.Surface).ToArray() : null;
        Actors.Add(tokens.Select(t => t.Stem).ToArray(),
            new ActorAlias(actorId, isProcess, IsDemonym: false, surfaces, tokens.Select(t => t.Surface.Length).ToArray()));
    }

    private void AddWords(IEnumerable<string> words, WordClass wordClass)
    {
        foreach (var word in words)
        {
            Words.Add(word, new WordCue(wordClass, string.Join(' ', Tokenizer.Tokenize(word).Select(t => t.Surface.ToLowerInvariant()))));
        }
    }

    internal static string StripArticle(string name) =>
        name.StartsWith("the ", StringComparison.OrdinalIgnoreCase) ? name[4..] : name;
}
