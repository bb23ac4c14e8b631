using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class AuditEntryEdgeGraphType() : EdgeGraphType<AuditEntryGraphType, AuditEntry>("AuditEntryEdge");
