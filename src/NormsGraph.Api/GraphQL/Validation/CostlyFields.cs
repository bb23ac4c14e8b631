namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// The complexity a field counts when one answer of it is costly: a report's whole text (up to
/// <c>Ingestion:MaxReportBytes</c>, 2 MiB) or a statement run through the embedding model and matcher. At the default
/// limit of 50,000 a request holds at most 20 of them: 60 aliases of <c>reports(first: 100) { nodes { text } } }</c>,
/// each text counting 1, had built a 922 MB answer.
/// </summary>
internal static class CostlyFields
{
    public const double Impact = 2_400;
}
