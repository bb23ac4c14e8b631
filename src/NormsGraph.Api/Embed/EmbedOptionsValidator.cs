using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NormsGraph.Api.Embed;

/// <summary>
/// Each allowed framing origin must be a scheme and host (optionally <c>*.</c> and a port), nothing else: a
/// path, a quote or a semicolon would change the meaning of the whole Content-Security-Policy header.
/// </summary>
internal sealed partial class EmbedOptionsValidator : IValidateOptions<EmbedOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbedOptions options)
    {
        var bad = options.FrameAncestors.Where(o => !Origin().IsMatch(o ?? "")).ToList();
        return bad.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{EmbedOptions.SectionName}:FrameAncestors must list origins such as https://dashboards.example.org " +
                $"or https://*.example.org (scheme and host, optional port, no path); not: {string.Join(", ", bad.Select(b => $"'{b}'"))}.");
    }

    [GeneratedRegex(@"^https?://(\*\.)?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*(:\d{1,5})?/?$")]
    private static partial Regex Origin();
}
