using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;
using NormsGraph.Api.GraphQL;
using NormsGraph.Api.Security;

namespace NormsGraph.Api.Web;

internal static class WebApplicationExtensions
{
    private const string AssetsStatusMarker = "<!--assets-status-->";

    /// <summary>
    /// The start page at <c>/</c>, GraphiQL at <c>GET /graphql</c> when a browser asks for HTML, the SDL at
    /// <c>/schema.graphql</c>, and the page files under <c>/assets</c>.
    /// </summary>
    public static WebApplication MapWebPages(this WebApplication app)
    {
        var assets = app.Services.GetRequiredService<WebAssets>();
        if (!assets.LibrariesInstalled)
        {
            Log.WebLibrariesMissing(app.Logger, string.Join(", ", assets.Missing));
        }

        // Runs after routing and before the GraphQL endpoint, so API clients (which accept JSON) never see it.
        app.Use(next => http =>
            HttpMethods.IsGet(http.Request.Method) && http.Request.Path == "/graphql" && WantsHtml(http.Request)
                ? PageSecurity.WriteHtmlAsync(http, assets.Page("graphiql.html", needsLibraries: true), "'none'")
                : next(http));

        if (Directory.Exists(assets.Root))
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(assets.Root),
                RequestPath = "/assets",
                OnPrepareResponse = context =>
                {
                    context.Context.Response.Headers.XContentTypeOptions = "nosniff";
                    context.Context.Response.Headers.CacheControl = "public, max-age=300";
                },
            });
        }

        app.MapGet("/", (HttpContext http) => PageSecurity.WriteHtmlAsync(http, LandingPage(assets), "'none'")).ExcludeFromDescription();
        // The SDL tells what introspection tells, so it is served when introspection is on, to callers who may read.
        if (GraphQLServiceCollectionExtensions.IntrospectionEnabled(app.Configuration, app.Environment))
        {
            app.MapGet("/schema.graphql", (ISchema schema) => Results.Text(schema.Print(), "text/plain; charset=utf-8")).ExcludeFromDescription().RequireReadKey();
        }
        return app;
    }

    // Browsers list text/html first; GraphQL clients ask for JSON (or nothing). HTML wins only when it is
    // preferred at least as much as every JSON type the request also accepts.
    private static bool WantsHtml(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        double html = 0, json = 0;
        foreach (var value in accept)
        {
            var quality = value.Quality ?? 1;
            var type = value.MediaType.Value ?? "";
            if (type.Equals("text/html", StringComparison.OrdinalIgnoreCase))
            {
                html = Math.Max(html, quality);
            }
            else if (type.Contains("json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }
        return html > 0 && html >= json;
    }

    private static string LandingPage(WebAssets assets)
    {
        var page = assets.Page("index.html");
        return assets.LibrariesInstalled
            ? page
            : page.Replace(AssetsStatusMarker,
                "<p class=\"notice\" role=\"note\">GraphiQL and the embeddable graph need browser libraries that the build installs with npm; " +
                "they are not installed here. Install Node.js (npm) and build again to enable them.</p>", StringComparison.Ordinal);
    }
}
