namespace NormsGraph.Api.Http;

/// <summary>Settings of the HTTP API (section <c>Api</c>).</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>When set, GraphQL mutations need this value in the X-Api-Key header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest GraphQL request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;
}
