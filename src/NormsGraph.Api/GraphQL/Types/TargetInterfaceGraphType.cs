using GraphQL.Types;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>What positions are about: a taxonomy norm or principle, or a proposal found in text.</summary>
internal sealed class TargetInterfaceGraphType : InterfaceGraphType<Target>
{
    public TargetInterfaceGraphType()
    {
        Name = "Target";
        Field(t => t.Id, type: typeof(NonNullGraphType<IdGraphType>));
        Field(t => t.Name);
        Field(t => t.Description, nullable: true);
        Field(t => t.Kind, type: typeof(NonNullGraphType<TargetKindGraphType>));
        PositionArguments.Add(Field<NonNullGraphType<PositionConnectionGraphType>>("positions")
            .Description("Positions taken on this target, oldest report first."), includeTarget: false, includeActor: true);
    }
}
