using System.Security.Cryptography;
using System.Text;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NormsGraph.Api.Http;

namespace NormsGraph.Api.GraphQL;

/// <summary>When an API key is configured, mutations need it in the X-Api-Key header.</summary>
internal static class ApiKeyGate
{
    public const string UserContextKey = "apiKey";

    public static void Require(IResolveFieldContext context)
    {
        var expected = context.RequestServices!.GetRequiredService<IOptions<ApiOptions>>().Value.ApiKey;
        if (string.IsNullOrEmpty(expected))
        {
            return;
        }
        var given = context.UserContext.TryGetValue(UserContextKey, out var value) ? value as string : null;
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(expected)))
        {
            throw new ExecutionError("Mutations need a valid X-Api-Key header.") { Code = "UNAUTHENTICATED" };
        }
    }
}
