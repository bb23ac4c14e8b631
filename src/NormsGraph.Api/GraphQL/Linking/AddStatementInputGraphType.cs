using GraphQL.Types;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Linking;

internal sealed class AddStatementInputGraphType : InputObjectGraphType
{
    public AddStatementInputGraphType()
    {
        Name = "AddStatementInput";
        Field<NonNullGraphType<StringGraphType>>("text").Description("The statement, as said or written.");
        Field<NonNullGraphType<IdGraphType>>("speaker").Description("The actor who made it (an actor id, e.g. bra or access-now).");
        Field<Types.DateGraphType>("date");
        Field<StringGraphType>("event").Description("The session or meeting, by title.");
        Field<StringGraphType>("source").Description("Where it was said or published (a URL or a label).");
        Field<ListGraphType<NonNullGraphType<IdGraphType>>>("targets")
            .Description("The norms, principles or proposals it speaks to; when absent, the matches above Linking:AutoTargetThreshold.");
        Field<StanceGraphType>("stance").Description("The speaker's stance; SUPPORT when absent.").DefaultValue(Stance.Support);
    }
}
