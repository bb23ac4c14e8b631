namespace NormsGraph.Core.Domain;

/// <summary>Curation state of an extracted statement.</summary>
public enum StatementStatus
{
    Extracted,
    Confirmed,
    Rejected,
}
