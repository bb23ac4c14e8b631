using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class AuditEntryGraphType : ObjectGraphType<AuditEntry>
{
    public AuditEntryGraphType()
    {
        Name = "AuditEntry";
        Description = "One recorded curation change.";
        Field(e => e.Sequence).Description("Order of the change; the log is oldest first.");
        Field(e => e.At, type: typeof(NonNullGraphType<DateTimeOffsetGraphType>));
        Field(e => e.Who).Description("The name of the API key that made the change (\"local\" without keys, on loopback).");
        Field(e => e.Action, type: typeof(NonNullGraphType<CurationActionGraphType>));
        Field(e => e.Subject, type: typeof(NonNullGraphType<IdGraphType>)).Description("The statement or actor changed.");
        Field(e => e.Before, nullable: true);
        Field(e => e.After, nullable: true);
    }
}
