using NormsGraph.Core.Matching;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>The result of addStatement: the report that holds the statement, one statement id per target, and the matches used when targets were chosen automatically.</summary>
internal sealed record FiledStatement(string ReportId, IReadOnlyList<string> StatementIds, IReadOnlyList<string> TargetIds, IReadOnlyList<TargetMatch> Matches);
