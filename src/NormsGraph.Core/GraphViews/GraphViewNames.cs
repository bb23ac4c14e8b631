using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Core.GraphViews;

/// <summary>The words every export uses for kinds, types, stances and dates, so the formats agree with each other and with the API.</summary>
internal static class GraphViewNames
{
    public static string Kind(GraphViewNodeKind kind) => EnumNames.ToSnakeCase(kind);

    public static string? Type(ActorType? type) => type is { } t ? EnumNames.ToSnakeCase(t) : null;

    public static string Stance(Stance stance) => EnumNames.ToSnakeCase(stance);

    public static string? Date(DateOnly? date) => IsoDate.Text(date);
}
