using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;
using NormsGraph.Core.Text;

namespace NormsGraph.Api.GraphQL.Linking;

/// <summary>The checks linkStatement and addStatement share; each failure is a GraphQL error with a code.</summary>
internal static class StatementChecks
{
    public static void Text(string text, int maxChars)
    {
        if (!StatementText.HasWords(text))
        {
            throw LinkingErrors.EmptyStatement();
        }
        if (text.Length > maxChars)
        {
            throw LinkingErrors.TooLarge(text.Length, maxChars);
        }
    }

    public static async Task<Actor> SpeakerAsync(IGraphStore store, string speaker, CancellationToken cancellationToken)
    {
        var actors = await store.GetActorsAsync([speaker], cancellationToken);
        return actors.TryGetValue(speaker, out var actor) ? actor : throw LinkingErrors.UnknownSpeaker(speaker);
    }
}
