using Microsoft.Extensions.Options;

namespace NormsGraph.Api.Embed;

internal static class EmbedServiceCollectionExtensions
{
    public static IServiceCollection AddEmbed(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EmbedOptions>().Bind(configuration.GetSection(EmbedOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<EmbedOptions>, EmbedOptionsValidator>();
        return services;
    }
}
