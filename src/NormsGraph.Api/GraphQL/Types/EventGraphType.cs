using GraphQL.Types;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

internal sealed class EventGraphType : ObjectGraphType<EventRecord>
{
    public EventGraphType()
    {
        Name = "Event";
        Description = "A session or meeting that reports cover.";
        Field(e => e.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(e => e.Title);
        Field(e => e.Date, type: typeof(DateGraphType));
        Field(e => e.ProcessId, type: typeof(IdGraphType)).Description("The process the event is part of, e.g. oewg-2021-2025.");
        Field<NonNullGraphType<IntGraphType>>("reportCount").Resolve(ctx => ctx.Source.Reports);
    }
}
