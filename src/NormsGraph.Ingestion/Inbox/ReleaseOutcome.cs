namespace NormsGraph.Ingestion.Inbox;

/// <summary>What handing a claimed file back to the inbox did.</summary>
internal enum ReleaseOutcome
{
    /// <summary>The file is in the inbox again.</summary>
    Released,

    /// <summary>The inbox already holds the same bytes under that name; the claimed copy was dropped.</summary>
    Duplicate,

    /// <summary>A different file of that name waits in the inbox; the claim stays where it is.</summary>
    Conflict,

    /// <summary>The claimed file is gone (another worker took it back).</summary>
    Lost,
}
