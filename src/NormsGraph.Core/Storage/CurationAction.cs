namespace NormsGraph.Core.Storage;

/// <summary>
/// What the audit log records: a curator's change (statement actions take a statement id, actor actions an actor id),
/// or a report sent through the API.
/// </summary>
public enum CurationAction
{
    /// <summary>Marks a statement confirmed.</summary>
    ConfirmStatement,

    /// <summary>Marks a statement rejected: it leaves every answer but stays recorded, and stays rejected across re-ingestion.</summary>
    RejectStatement,

    /// <summary>Gives a statement another stance (value: support, oppose, propose or concern).</summary>
    SetStance,

    /// <summary>Points a statement at another norm, principle or proposal (value: its id).</summary>
    SetTarget,

    /// <summary>Merges the subject actor into another (value: the surviving actor's id); the old id resolves to it.</summary>
    MergeActors,

    /// <summary>Adds an alias to an actor (value: the alias).</summary>
    AddAlias,

    /// <summary>Sets an actor's type (value: state, civil_society …).</summary>
    SetActorType,

    /// <summary>
    /// A report sent through the API (subject: the report's id; before: the version of the same source it replaced,
    /// if any; after: ingested, replaced or unchanged). Recorded by the store with the report, not a curation request.
    /// </summary>
    SubmitReport,
}
