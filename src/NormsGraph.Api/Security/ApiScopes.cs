namespace NormsGraph.Api.Security;

internal static class ApiScopes
{
    public const string Read = "read";
    public const string Write = "write";
    public const string Admin = "admin";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal) { Read, Write, Admin };
}
