using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NormsGraph.Api.GraphQL.Validation;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>The linking fields of Query and Mutation, kept here so the root types only name them.</summary>
internal static class LinkingFields
{
    public static void AddQueries(ObjectGraphType query) =>
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<NormMatchGraphType>>>>("linkStatement")
            .Description($"The norms, principles and proposals a statement speaks to, best first, each with a calibrated score and the reasons. Counts {CostlyFields.Impact} against the complexity limit.")
            .WithComplexityImpact(CostlyFields.Impact)
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IntGraphType>("top", a => a.DefaultValue = 5)
            .Argument<IdGraphType>("speaker", a => a.Description = "Who made the statement: checked, and each match then counts their earlier statements on it.")
            .ResolveAsync(async ctx =>
            {
                var speaker = ctx.GetArgument<string?>("speaker");
                var matches = await ctx.RequestServices!.GetRequiredService<StatementLinker>().LinkAsync(
                    ctx.GetArgument<string>("text"), ctx.GetArgument("top", 5), speaker, ctx.CancellationToken);
                return matches.Select(m => new NormMatch(m, speaker)).ToList();
            });

    public static void AddMutations(ObjectGraphType mutation) =>
        mutation.Field<NonNullGraphType<AddStatementPayloadGraphType>>("addStatement")
            .Description("Files a statement as confirmed under the given targets (or its best matches), so it appears in every query and counts as evidence for linking.")
            .Argument<NonNullGraphType<AddStatementInputGraphType>>("input")
            .ResolveAsync(async ctx =>
            {
                // The key is checked for every mutation by TransportRule before any resolver runs.
                var input = ctx.GetArgument<Dictionary<string, object?>>("input");
                var targets = input.GetValueOrDefault("targets") is IEnumerable<object?> list ? list.OfType<string>().ToList() : null;
                return await ctx.RequestServices!.GetRequiredService<StatementFiling>().FileAsync(new StatementInput(
                    (string)input["text"]!,
                    (string)input["speaker"]!,
                    input.GetValueOrDefault("date") as DateOnly?,
                    input.GetValueOrDefault("event") as string,
                    input.GetValueOrDefault("source") as string,
                    targets,
                    input.GetValueOrDefault("stance") as Stance? ?? Stance.Support), RequestContext.CallerOf(ctx.UserContext).Name, ctx.CancellationToken);
            });
}
