namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// The complexity a field counts when one answer of it is costly: a report's whole text (up to
/// <c>Ingestion:MaxReportBytes</c>, 2 MiB), a statement run through the embedding model and matcher, or an aggregate of
/// every statement in the graph (<c>graphView</c>, <c>statistics</c>; 0.1 s each at 2,000 reports, so 100 aliases in a
/// 4 KB request held the server for 11 s). At the default limit of 50,000 a request holds at most 20 of them: 60 aliases
/// of <c>reports(first: 100) { nodes { text } } }</c>, each text counting 1, had built a 922 MB answer.
/// </summary>
internal static class CostlyFields
{
    public const double Impact = 2_400;
}
