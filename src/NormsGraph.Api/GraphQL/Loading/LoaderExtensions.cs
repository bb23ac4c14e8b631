using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Loading;

internal static class LoaderExtensions
{
    public static GraphLoaders Loaders(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<GraphLoaders>();

    public static IGraphStore Store(this IResolveFieldContext context) => context.RequestServices!.GetRequiredService<IGraphStore>();
}
