namespace NormsGraph.Api.Security;

/// <summary>Settings of the HTTP API (section <c>Api</c>): keys, limits, CORS, rate limits, introspection.</summary>
public sealed class ApiOptions
{
    public const string SectionName = "Api";

    /// <summary>A single key with every scope, named <c>default</c> (kept for older configurations; prefer <see cref="Keys"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Named keys with scopes; the name is what the audit log records as who made a change.</summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>When true, queries need a key with the <c>read</c> scope as well; by default reading is open.</summary>
    public bool ReadsNeedKey { get; set; }

    /// <summary>Largest GraphQL request body accepted, in bytes.</summary>
    public long MaxRequestBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Deepest selection accepted. GraphiQL's schema introspection nests type references 15 levels deep,
    /// so a lower limit leaves its schema, docs and completion empty.</summary>
    public int MaxDepth { get; set; } = 16;

    public int MaxComplexity { get; set; } = 50_000;

    /// <summary>Most fields a document may hold once its fragment spreads are expanded; bounds what validating it costs.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>Longest a request may execute before it is answered with a <c>TIMEOUT</c> error.</summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether <c>__schema</c> and <c>__type</c> answer. Unset: on in Development and when the API listens on loopback only, off otherwise.</summary>
    public bool? Introspection { get; set; }

    /// <summary>Origins (e.g. <c>https://dashboards.example.org</c>) whose pages may call the API from a browser.</summary>
    public List<string> CorsOrigins { get; set; } = [];

    /// <summary>Requests each key (or, without a key, each client address) may make per <see cref="RateLimitWindow"/>; 0 turns limiting off.</summary>
    public int RateLimitPermits { get; set; } = 600;

    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Reverse proxies (an address such as <c>10.0.0.5</c> or a network such as <c>10.0.0.0/8</c>) whose
    /// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed, so the per-address rate limit and the health
    /// details see the client rather than the proxy. Empty (the default): those headers are ignored, since anyone could send them.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];
}
