using GraphQL;
using GraphQL.Builders;
using GraphQL.DataLoader;
using GraphQL.Types;
using NormsGraph.Api.GraphQL.Loading;
using NormsGraph.Api.GraphQL.Types;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Paging;

/// <summary>
/// A list of actors the store gives whole (a coalition's members, who joined in a timeline period) as a connection:
/// paged by position in the list's order, the page's actors loaded in one batch with the rest of the request's.
/// </summary>
internal static class ActorListField
{
    public static FieldBuilder<TSource, object> Add<TSource>(ObjectGraphType<TSource> type, string name, string list, string description,
        Func<TSource, IReadOnlyList<string>> actorIds) =>
        PagingArguments.Add(type.Field<NonNullGraphType<ActorConnectionGraphType>>(name).Description(description))
            .Resolve(ctx => Page(ctx, list, actorIds(ctx.Source)));

    private static IDataLoaderResult<Page<Actor>> Page(IResolveFieldContext context, string list, IReadOnlyList<string> actorIds) =>
        context.Loaders().Actors.LoadPage(Pages.OfList(actorIds, list, PagingArguments.First(context), PagingArguments.After(context)));
}
