using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using NormsGraph.Core.Domain;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace NormsGraph.Core.Taxonomy;

/// <summary>
/// Reads the taxonomy YAML files, from a folder (to try edits without rebuilding) or from the copy
/// embedded in this assembly at build time (the default, so every host has the same taxonomy).
/// </summary>
public static class TaxonomyLoader
{
    private static readonly string[] FileNames = ["states.yaml", "actors.yaml", "processes.yaml", "norms.yaml", "language.yaml"];
    private static readonly Lazy<Taxonomy> Embedded = new(() => Load(ReadEmbedded));

    public static Taxonomy LoadEmbedded() => Embedded.Value;

    public static Taxonomy LoadFromDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new TaxonomyException($"Taxonomy folder '{directory}' does not exist.");
        }
        return Load(name =>
        {
            var path = Path.Combine(directory, name);
            return File.Exists(path) ? File.ReadAllText(path) : throw new TaxonomyException($"Taxonomy file '{path}' is missing.");
        });
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("taxonomy/" + name)
            ?? throw new TaxonomyException($"Embedded taxonomy file '{name}' is missing from the build.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static Taxonomy Load(Func<string, string> read)
    {
        var texts = FileNames.ToDictionary(n => n, read);
        var deserializer = new DeserializerBuilder()
            .WithNamingConvention(UnderscoredNamingConvention.Instance)
            .IgnoreUnmatchedProperties()
            .Build();
        var states = Parse<StatesFile>(deserializer, texts, "states.yaml");
        var actors = Parse<ActorsFile>(deserializer, texts, "actors.yaml");
        var processes = Parse<ProcessesFile>(deserializer, texts, "processes.yaml");
        var norms = Parse<NormsFile>(deserializer, texts, "norms.yaml");
        var language = Parse<LanguageFile>(deserializer, texts, "language.yaml");

        var allActors = states.States.Select(ToActor).Concat(actors.Actors.Select(ToActor)).ToList();
        RequireUniqueIds(allActors.Select(a => a.Actor.Id), "actor");
        RequireUniqueIds(processes.Processes.Select(p => p.Id), "process");
        RequireUniqueIds(norms.Targets.Select(t => t.Id), "target");
        var frameworks = norms.Frameworks.Select(f => new Framework(f.Id, f.Name, f.Year)).ToList();
        var frameworkIds = frameworks.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);

        var version = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(FileNames.Select(n => texts[n])))))[..8];
        return new Taxonomy(
            allActors,
            processes.Processes.Select(ToProcess).ToList(),
            frameworks,
            norms.Targets.Select(t => ToTarget(t, frameworkIds)).ToList(),
            ToLanguage(language),
            version);
    }

    private static T Parse<T>(IDeserializer deserializer, Dictionary<string, string> texts, string name)
    {
        try
        {
            return deserializer.Deserialize<T>(texts[name]) ?? throw new TaxonomyException($"Taxonomy file '{name}' is empty.");
        }
        catch (YamlException e)
        {
            throw new TaxonomyException($"Taxonomy file '{name}' is not valid YAML at line {e.Start.Line}: {e.Message}", e);
        }
    }

    private static TaxonomyActor ToActor(StateEntry s)
    {
        Require(s.Id, s.Name, "state");
        return new TaxonomyActor(new Actor(s.Id, s.Name, ActorType.State, s.Aliases, Curated: true), s.Demonyms, s.CaseSensitive);
    }

    private static TaxonomyActor ToActor(ActorEntry a)
    {
        Require(a.Id, a.Name, "actor");
        if (!EnumNames.TryParse<ActorType>(a.Type, out var type))
        {
            throw new TaxonomyException($"Actor '{a.Id}' has unknown type '{a.Type}'.");
        }
        return new TaxonomyActor(new Actor(a.Id, a.Name, type, a.Aliases, Curated: true), [], a.CaseSensitive);
    }

    private static TaxonomyProcess ToProcess(ProcessEntry p)
    {
        Require(p.Id, p.Name, "process");
        return new TaxonomyProcess(
            new DiplomaticProcess(p.Id, p.Name, p.Acronym),
            p.Aliases,
            p.Years.Count > 0 ? p.Years.Min() : null,
            p.Years.Count > 0 ? p.Years.Max() : null);
    }

    private static TaxonomyTarget ToTarget(TargetEntry t, HashSet<string> frameworkIds)
    {
        Require(t.Id, t.Name, "target");
        if (!EnumNames.TryParse<TargetKind>(t.Kind, out var kind) || kind == TargetKind.Proposal)
        {
            throw new TaxonomyException($"Target '{t.Id}' has kind '{t.Kind}'; expected norm or principle.");
        }
        if (t.Framework is not null && !frameworkIds.Contains(t.Framework))
        {
            throw new TaxonomyException($"Target '{t.Id}' names unknown framework '{t.Framework}'.");
        }
        return new TaxonomyTarget(
            new Target(t.Id, t.Name, kind, t.Description, t.Framework),
            t.Phrases,
            t.Cooccur.Select(g => (IReadOnlyList<string>)g).ToList(),
            t.Practices,
            t.PracticeCooccur.Select(g => (IReadOnlyList<string>)g).ToList(),
            t.Proposal);
    }

    private static LanguageCues ToLanguage(LanguageFile file)
    {
        var cues = new Dictionary<Stance, IReadOnlyList<string>>();
        foreach (var entry in file.Stances)
        {
            if (!EnumNames.TryParse<Stance>(entry.Id, out var stance))
            {
                throw new TaxonomyException($"language.yaml names unknown stance '{entry.Id}'.");
            }
            cues[stance] = entry.Cues;
        }
        foreach (var stance in Enum.GetValues<Stance>())
        {
            if (!cues.ContainsKey(stance))
            {
                throw new TaxonomyException($"language.yaml has no cues for stance '{EnumNames.ToSnakeCase(stance)}'.");
            }
        }
        return new LanguageCues(cues, file.Reporting, file.Negations, file.Anaphora, file.AgainstCues, file.Hedges,
            file.OrgSuffixes, file.OrgPrefixes, file.PersonTitles, file.NewIdeaCues, file.PassiveProposeCues, file.SpeakerRoles,
            file.PersonRoles, file.Modals, file.DemonymHeads, file.StatementNouns, file.EventVerbs, file.ChairWords, file.ChairDocuments, file.AddresseeVerbs,
            file.ImplementationCues, file.HarmCues, file.RetrospectiveCues, file.NeutralCues, file.SignatoryLabels,
            file.PositionNouns, file.ReferenceNouns, file.ReferenceDeterminers, file.PracticeCues, file.UnnamedSpeakers,
            file.ViewpointOpeners, file.ViewpointNouns, file.ObjectPronouns, file.SelfReferences, file.StanceSources,
            file.ApplicationVerbs, file.AlignmentVerbs);
    }

    private static void Require(string id, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(id) || string.IsNullOrWhiteSpace(name))
        {
            throw new TaxonomyException($"A {what} entry has no id or no name (id '{id}').");
        }
    }

    private static void RequireUniqueIds(IEnumerable<string> ids, string what)
    {
        var duplicate = ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new TaxonomyException($"Two {what} entries share the id '{duplicate.Key}'.");
        }
    }
}
