using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace NormsGraph.Api.Security;

/// <summary>
/// The configured keys, and who a request's <c>X-Api-Key</c> makes the caller. With no key configured (allowed on
/// loopback only, see <see cref="ApiOptionsValidator"/>) the local caller may do everything, as before keys existed.
/// </summary>
internal sealed class ApiKeyRing
{
    public const string Header = "X-Api-Key";

    private readonly List<(string Name, byte[] Secret, IReadOnlySet<string> Scopes)> _keys;
    private readonly ApiCaller _anonymous;

    public ApiKeyRing(IOptions<ApiOptions> options)
    {
        var o = options.Value;
        _keys = [.. Keys(o).Select(k => (k.Name, Encoding.UTF8.GetBytes(k.Key), Expand(k.Scopes)))];
        _anonymous = _keys.Count == 0
            ? new ApiCaller("local", ApiScopes.All, Authenticated: false)
            : new ApiCaller("anonymous", o.ReadsNeedKey ? new HashSet<string>() : new HashSet<string> { ApiScopes.Read }, Authenticated: false);
    }

    public bool HasKeys => _keys.Count > 0;

    public ApiCaller Identify(string? presented)
    {
        if (string.IsNullOrEmpty(presented))
        {
            return _anonymous;
        }
        var bytes = Encoding.UTF8.GetBytes(presented);
        foreach (var (name, secret, scopes) in _keys)
        {
            if (CryptographicOperations.FixedTimeEquals(bytes, secret))
            {
                return new ApiCaller(name, scopes, Authenticated: true);
            }
        }
        return new ApiCaller("unknown", new HashSet<string>(), Authenticated: false, PresentedUnknownKey: true);
    }

    /// <summary>Every key: the named ones and the older single <see cref="ApiOptions.ApiKey"/>.</summary>
    public static IEnumerable<ApiKeyOptions> Keys(ApiOptions options) =>
        string.IsNullOrEmpty(options.ApiKey)
            ? options.Keys
            : [.. options.Keys, new ApiKeyOptions { Name = "default", Key = options.ApiKey, Scopes = [.. ApiScopes.All] }];

    // Scopes nest: admin can do what write can, write what read can. No operation needs admin beyond write today.
    private static HashSet<string> Expand(IEnumerable<string> scopes)
    {
        var set = new HashSet<string>(scopes, StringComparer.Ordinal);
        if (set.Contains(ApiScopes.Admin))
        {
            set.Add(ApiScopes.Write);
        }
        if (set.Contains(ApiScopes.Write))
        {
            set.Add(ApiScopes.Read);
        }
        return set;
    }
}
