using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class ReportConnectionGraphType()
    : ConnectionGraphType<ReportGraphType, ReportEdgeGraphType, ReportSummary>("ReportConnection", "Reports matching the filter, over all pages.");
