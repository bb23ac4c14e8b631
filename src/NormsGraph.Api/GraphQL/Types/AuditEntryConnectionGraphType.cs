using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class AuditEntryConnectionGraphType()
    : ConnectionGraphType<AuditEntryGraphType, AuditEntryEdgeGraphType, AuditEntry>("AuditEntryConnection", "Recorded changes matching the filter.");
