namespace NormsGraph.Api.Security;

/// <summary>One API key: its name (recorded in the audit log), the secret sent in <c>X-Api-Key</c>, and its scopes.</summary>
public sealed class ApiKeyOptions
{
    public string Name { get; set; } = "";

    public string Key { get; set; } = "";

    /// <summary><c>read</c>, <c>write</c> (mutations) and <c>admin</c>; <c>write</c> and <c>admin</c> include <c>read</c>.</summary>
    public List<string> Scopes { get; set; } = [ApiScopes.Read];
}
