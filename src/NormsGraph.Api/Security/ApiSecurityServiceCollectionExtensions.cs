using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NormsGraph.Api.Security;

internal static class ApiSecurityServiceCollectionExtensions
{
    public const string CorsPolicy = "dashboards";
    public const string RateLimitPolicy = "per-caller";

    /// <summary>The API's settings (checked at start), its keys, CORS for the configured origins and the per-caller rate limit.</summary>
    public static IServiceCollection AddApiSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.AddSingleton<ApiKeyRing>();

        var origins = configuration.GetSection(ApiOptions.SectionName).Get<ApiOptions>()?.CorsOrigins ?? [];
        services.AddCors(cors => cors.AddPolicy(CorsPolicy, policy =>
        {
            if (origins.Count > 0)
            {
                // A dashboard polls graph views with If-None-Match and must read ETag, Retry-After on a 429, and whether a
                // CSV or GraphML export was cut (only a header can say so).
                policy.WithOrigins([.. origins]).WithMethods("GET", "POST")
                    .WithHeaders("Content-Type", "Accept", ApiKeyRing.Header, "If-None-Match")
                    .WithExposedHeaders("ETag", "Retry-After", GraphViews.GraphViewEndpointRouteBuilderExtensions.TruncatedHeader);
            }
        }));

        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.AddPolicy(RateLimitPolicy, http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
                if (options.RateLimitPermits == 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }
                // A known key is one partition wherever it calls from; everyone else is limited per client address.
                var caller = http.RequestServices.GetRequiredService<ApiKeyRing>().Identify(http.Request.Headers[ApiKeyRing.Header].FirstOrDefault());
                var partition = caller.Authenticated ? "key:" + caller.Name : ClientAddress.Partition(http.Connection.RemoteIpAddress);
                var time = http.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System;
                return RateLimitPartition.Get(partition, _ => new WindowCounter(options.RateLimitPermits, options.RateLimitWindow, time));
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                var message = $"Too many requests; try again in {seconds} s.";
                if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ErrorsAsProblemDetails>() is not null)
                {
                    // Endpoints that answer their other errors as problem details (the graph-view exports) answer this one alike.
                    await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                    {
                        HttpContext = context.HttpContext,
                        ProblemDetails = { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests", Detail = message, Extensions = { ["code"] = "RATE_LIMITED" } },
                    });
                    return;
                }
                // Answered in the media type the client negotiates for its GraphQL answers, as the endpoint's own errors are.
                var mediaType = Http.GraphQLHttpHandler.NegotiateMediaType(context.HttpContext.Request) ?? Http.GraphQLHttpHandler.JsonMediaType;
                context.HttpContext.Response.ContentType = mediaType + "; charset=utf-8";
                await JsonSerializer.SerializeAsync(context.HttpContext.Response.Body, Http.ErrorBody.Of(message, "RATE_LIMITED"), cancellationToken: cancellationToken);
            };
        });
        return services;
    }

    public static WebApplication UseApiSecurity(this WebApplication app)
    {
        // First, so CORS, the rate limiter and everything after see the client's address.
        app.UseTrustedProxies();
        app.UseCorsVary();
        app.UseCors();
        app.UseRateLimiter();
        return app;
    }
}
