namespace NormsGraph.Api.Web;

/// <summary>
/// Response headers for the HTML pages. Scripts, styles and connections only from this origin, no inline
/// script or style (the pages have none), and framing only by the origins given.
/// </summary>
internal static class PageSecurity
{
    public static string ContentSecurityPolicy(string frameAncestors) =>
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; " +
        $"base-uri 'none'; form-action 'none'; frame-ancestors {frameAncestors}";

    public static void Apply(HttpResponse response, string frameAncestors)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy(frameAncestors);
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        if (frameAncestors == "'none'")
        {
            response.Headers.XFrameOptions = "DENY";
        }
    }

    public static Task WriteHtmlAsync(HttpContext http, string html, string frameAncestors)
    {
        Apply(http.Response, frameAncestors);
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.ContentType = "text/html; charset=utf-8";
        return http.Response.WriteAsync(html, http.RequestAborted);
    }
}
