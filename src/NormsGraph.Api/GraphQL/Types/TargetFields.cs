using GraphQL;
using GraphQL.Types;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>The fields Norm, Principle and Proposal share through the Target interface.</summary>
internal static class TargetFields
{
    public static void Add(ObjectGraphType<Target> type, TargetKind kind)
    {
        type.Interface<TargetInterfaceGraphType>();
        type.IsTypeOf = value => value is Target t && t.Kind == kind;
        type.Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        type.Field(t => t.Name);
        type.Field(t => t.Description, nullable: true);
        type.Field(t => t.Kind, type: typeof(NonNullGraphType<TargetKindGraphType>));
        PositionArguments.Add(type.Field<NonNullGraphType<PositionConnectionGraphType>>("positions")
                .Description("Positions taken on this target, oldest report first."), includeTarget: false, includeActor: true)
            .Resolve(ctx => PositionArguments.Resolve(ctx, PositionAnchor.Target, ctx.Source.Id));
    }
}
