using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ReportEdgeGraphType() : EdgeGraphType<ReportGraphType, ReportSummary>("ReportEdge");
