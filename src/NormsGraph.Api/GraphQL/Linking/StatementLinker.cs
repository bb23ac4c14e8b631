using Microsoft.Extensions.Options;
using NormsGraph.Core.Matching;
using NormsGraph.Core.Storage;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>linkStatement: checks the request, then asks the shared matcher (taxonomy signals plus stored evidence).</summary>
internal sealed class StatementLinker(ITargetMatcher matcher, IGraphStore store, IOptions<LinkingOptions> options)
{
    public async Task<IReadOnlyList<TargetMatch>> LinkAsync(string text, int top, string? speaker, CancellationToken cancellationToken)
    {
        StatementChecks.Text(text, options.Value.MaxStatementChars);
        if (top is < 1 or > 50)
        {
            throw LinkingErrors.BadTop(top);
        }
        if (speaker is not null)
        {
            await StatementChecks.SpeakerAsync(store, speaker, cancellationToken);
        }
        try
        {
            return await matcher.MatchAsync(text, top, cancellationToken);
        }
        catch (StoreUnavailableException e)
        {
            throw new global::GraphQL.ExecutionError($"The store is unavailable. {e.Message}") { Code = "STORE_UNAVAILABLE" };
        }
    }
}
