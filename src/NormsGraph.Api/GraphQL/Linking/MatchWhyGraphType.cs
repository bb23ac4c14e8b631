using GraphQL.Types;
using NormsGraph.Core.Matching;

namespace NormsGraph.Api.GraphQL.Linking;

internal sealed class MatchWhyGraphType : ObjectGraphType<MatchWhy>
{
    public MatchWhyGraphType()
    {
        Name = "MatchWhy";
        Description = "Why a statement was linked to a target.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("phrases")
            .Description("Taxonomy wordings of the target found in the statement (phrases, practices, co-occurring terms).")
            .Resolve(ctx => ctx.Source.Phrases);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("terms")
            .Description("The statement's words that weighed most in the target's BM25 score.")
            .Resolve(ctx => ctx.Source.Terms);
        Field<StringGraphType>("closestWording")
            .Description("The target's wording (or 'description') closest in meaning to the statement.")
            .Resolve(ctx => ctx.Source.ClosestWording);
        Field<FloatGraphType>("similarity").Description("Cosine similarity with that wording.").Resolve(ctx => ctx.Source.Similarity);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SimilarStatementGraphType>>>>("similar")
            .Description("The stored statements about the target that most resemble this one (never rejected ones).")
            .Resolve(ctx => ctx.Source.Similar);
    }
}
