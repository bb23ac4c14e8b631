using Microsoft.Extensions.Options;
using NormsGraph.Api.Web;

namespace NormsGraph.Api.Embed;

internal static class EmbedEndpointRouteBuilderExtensions
{
    /// <summary>
    /// <c>GET /embed/graph?focus=…&amp;depth=…</c>: the interactive graph page. The page is static and reads its
    /// filters from the address, so one cached copy serves every view; only the framing policy comes from
    /// configuration.
    /// </summary>
    public static IEndpointRouteBuilder MapEmbed(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/embed/graph", (HttpContext http, WebAssets assets, IOptions<EmbedOptions> options) =>
            PageSecurity.WriteHtmlAsync(http, assets.Page("embed/graph.html", needsLibraries: true), options.Value.FrameAncestorsDirective()))
            .ExcludeFromDescription();
        return endpoints;
    }
}
