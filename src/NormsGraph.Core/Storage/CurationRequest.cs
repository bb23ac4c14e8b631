namespace NormsGraph.Core.Storage;

/// <summary>One curation change: the action, its subject (a statement or actor id) and the new value where the action has one.</summary>
public sealed record CurationRequest(CurationAction Action, string Subject, string? Value = null)
{
    /// <summary>Longest alias a curator may add: a name, not a paragraph (every later alias change copies the list into the audit log).</summary>
    public const int MaxAliasLength = 200;

    /// <summary>Whether the subject is an actor id (which may be a merged actor's old id) rather than a statement id.</summary>
    public bool OnActor => Action is CurationAction.MergeActors or CurationAction.AddAlias or CurationAction.SetActorType;

    /// <summary>
    /// The request on the actor <paramref name="resolvedId"/> the subject stands for now, so the change and its audit entry
    /// name the actor that changed (an old id's entries would be lost to <c>auditLog(subject)</c> of the survivor). A
    /// merge is refused instead: merging an id that already was merged would merge its survivor, which nobody asked for.
    /// </summary>
    public CurationRequest OnSurvivor(string resolvedId) =>
        resolvedId == Subject ? this
        : Action == CurationAction.MergeActors ? throw new CurationException($"'{Subject}' was merged into '{resolvedId}' already; merge '{resolvedId}' if that is what you mean.")
        : this with { Subject = resolvedId };

    /// <summary>
    /// The value the action needs, trimmed, or a <see cref="CurationException"/> saying what to give: both stores check a
    /// request here first, so they refuse the same things with the same words.
    /// </summary>
    public string RequiredValue()
    {
        var value = Value?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new CurationException(Action switch
            {
                CurationAction.SetStance => "Give the new stance: support, oppose, propose or concern.",
                CurationAction.SetTarget => "Give the id of the norm, principle or proposal the statement speaks to.",
                CurationAction.MergeActors => "Give the id of the actor to merge into.",
                CurationAction.AddAlias => "Give the alias to add.",
                CurationAction.SetActorType => "Give the actor type.",
                _ => "This change needs a value.",
            });
        }
        if (Action == CurationAction.AddAlias && (value.Length > MaxAliasLength || value.Any(char.IsControl)))
        {
            throw new CurationException($"An alias is a name of at most {MaxAliasLength} characters on one line.");
        }
        return value;
    }
}
