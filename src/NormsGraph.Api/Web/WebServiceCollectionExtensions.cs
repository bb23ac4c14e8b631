namespace NormsGraph.Api.Web;

internal static class WebServiceCollectionExtensions
{
    /// <summary>The page files the build put beside the binary (<c>web/</c>).</summary>
    public static IServiceCollection AddWebPages(this IServiceCollection services)
    {
        services.AddSingleton(new WebAssets(Path.Combine(AppContext.BaseDirectory, "web")));
        return services;
    }
}
