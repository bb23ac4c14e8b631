using System.Collections.Concurrent;

namespace NormsGraph.Api.Web;

/// <summary>
/// The pages and libraries the build copied beside the binary (<c>web/</c>). The libraries come from npm at
/// build time; when they are missing the pages that need them are replaced by one that says how to enable them.
/// </summary>
internal sealed class WebAssets
{
    private static readonly string[] VendorFiles =
    [
        "vendor/graphiql/graphiql.min.js",
        "vendor/graphiql/graphiql.min.css",
        "vendor/react/react.production.min.js",
        "vendor/react-dom/react-dom.production.min.js",
        "vendor/cytoscape/cytoscape.min.js",
    ];

    private readonly ConcurrentDictionary<string, string> _pages = new(StringComparer.Ordinal);

    public WebAssets(string root)
    {
        Root = root;
        Missing = [.. VendorFiles.Where(f => !File.Exists(Path.Combine(root, f)))];
    }

    public string Root { get; }

    /// <summary>Library files the build did not install (npm absent or <c>npm ci</c> failed).</summary>
    public IReadOnlyList<string> Missing { get; }

    public bool LibrariesInstalled => Missing.Count == 0;

    /// <summary>A page's HTML, read once; a page that needs the libraries falls back to the missing-assets page.</summary>
    public string Page(string name, bool needsLibraries = false) =>
        _pages.GetOrAdd(needsLibraries && !LibrariesInstalled ? "missing-assets.html" : name, n => File.ReadAllText(Path.Combine(Root, n)));
}
