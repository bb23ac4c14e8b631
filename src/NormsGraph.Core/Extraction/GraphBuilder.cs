using NormsGraph.Core.Domain;
using NormsGraph.Core.Text;

namespace NormsGraph.Core.Extraction;

/// <summary>Collects the actors, targets and positions of one report, without duplicates.</summary>
internal sealed class GraphBuilder(Taxonomy.Taxonomy taxonomy, Event @event, string documentKey, ReportContext context)
{
    /// <summary>Placeholder id for "the panel"; becomes an actor of the report's event.</summary>
    public const string PanelActor = "@panel";

    /// <summary>Placeholder prefix for the chair of the report's process; a document's name may follow it.</summary>
    public const string ChairActor = "@chair";

    private readonly Dictionary<string, Actor> _actors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Target> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExtractedPosition> _positions = new(StringComparer.Ordinal);

    public void MentionActor(string actorId) => ResolveActor(actorId);

    public string AddProposal(string label)
    {
        var id = StableIds.ForProposal(label);
        _targets.TryAdd(id, new Target(id, label, TargetKind.Proposal, Description: null));
        return id;
    }

    public void AddPosition(string actorId, Stance stance, string targetId, Sentence sentence, double confidence, string mechanism, string? speakerId = null)
    {
        var actor = ResolveActor(actorId);
        if (taxonomy.TargetsById.TryGetValue(targetId, out var curated))
        {
            _targets.TryAdd(targetId, curated.Target);
        }
        var id = StatementIds.Create(documentKey, sentence.Text, actor.Id, targetId, stance);
        var speaker = speakerId is null ? null : ResolveActor(speakerId).Id;
        _positions.TryAdd(id, new ExtractedPosition(id, actor.Id, stance, targetId, sentence.Text, sentence.Start, sentence.Length, confidence, speaker, mechanism));
    }

    public ReportGraph Build(Report report, DiplomaticProcess? process) =>
        new(report, @event, process, _actors.Values.ToList(), _targets.Values.ToList(), _positions.Values.ToList());

    private Actor ResolveActor(string actorId)
    {
        if (actorId == PanelActor)
        {
            var panelId = "panel-" + @event.Id;
            return Remember(new Actor(panelId, $"Panel of {@event.Title}", ActorType.Panel, ["the panel"], Curated: false));
        }
        if (actorId.StartsWith(ChairActor, StringComparison.Ordinal))
        {
            return Chair(actorId[ChairActor.Length..]);
        }
        if (_actors.TryGetValue(actorId, out var known))
        {
            return known;
        }
        if (taxonomy.ActorsById.TryGetValue(actorId, out var entry))
        {
            return Remember(entry.Actor);
        }
        if (context.Discovered.TryGetValue(actorId, out var discovered))
        {
            return Remember(discovered);
        }
        var process = taxonomy.ProcessesById[actorId];
        var aliases = process.Aliases.Concat(process.Process.Acronym is { } a ? [a] : Array.Empty<string>()).Distinct().ToList();
        return Remember(new Actor(process.Process.Id, process.Process.Name, ActorType.Process, aliases, Curated: true));
    }

    // "OEWG Chair", with "the Chair" and the chair's documents met in the report as aliases.
    private Actor Chair(string document)
    {
        var process = @event.ProcessId is { } processId ? taxonomy.ProcessesById[processId].Process : null;
        var id = "chair-" + (process?.Id ?? @event.Id);
        var chair = _actors.GetValueOrDefault(id) ?? new Actor(id, process is null ? "Chair" : $"{process.Acronym ?? process.Name} Chair",
            ActorType.Process, ["Chair", "the Chair"], Curated: false);
        if (document.Length > 0 && !chair.Aliases.Contains(document, StringComparer.OrdinalIgnoreCase))
        {
            chair = chair with { Aliases = [.. chair.Aliases, document] };
        }
        _actors[id] = chair;
        return chair;
    }

    private Actor Remember(Actor actor)
    {
        _actors.TryAdd(actor.Id, actor);
        return actor;
    }
}
