namespace NormsGraph.Api.Security;

/// <summary>Who is calling: a named key and its scopes, an anonymous caller, or one that sent a key nobody knows.</summary>
internal sealed record ApiCaller(string Name, IReadOnlySet<string> Scopes, bool Authenticated, bool PresentedUnknownKey = false)
{
    public bool Can(string scope) => Scopes.Contains(scope);
}
