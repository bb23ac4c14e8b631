using Microsoft.Extensions.Options;

namespace NormsGraph.Ingestion;

/// <summary>Fails the start with a message naming the setting, instead of an inbox that misbehaves later.</summary>
internal sealed class IngestionOptionsValidator : IValidateOptions<IngestionOptions>
{
    public ValidateOptionsResult Validate(string? name, IngestionOptions options)
    {
        var failures = new List<string>();
        var folders = new Dictionary<string, string>
        {
            ["Inbox"] = options.Inbox,
            ["Processed"] = options.Processed,
            ["Failed"] = options.Failed,
            ["Claimed"] = options.Claimed,
        };
        foreach (var (key, value) in folders.Where(f => string.IsNullOrWhiteSpace(f.Value)))
        {
            failures.Add($"Ingestion:{key} must name a folder.");
        }
        if (!string.IsNullOrWhiteSpace(options.Inbox))
        {
            // The inbox is scanned recursively: a folder inside it would be ingested again and again.
            var inbox = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Inbox)) + Path.DirectorySeparatorChar;
            foreach (var (key, value) in folders.Where(f => f.Key != "Inbox" && !string.IsNullOrWhiteSpace(f.Value)))
            {
                var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(value)) + Path.DirectorySeparatorChar;
                if (full.StartsWith(inbox, OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"Ingestion:{key} ('{value}') must not be the inbox or inside it ('{options.Inbox}').");
                }
            }
        }
        if (!string.IsNullOrWhiteSpace(options.WorkerId)
            && (options.WorkerId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || options.WorkerId.Trim() is "." or ".."
                || options.WorkerId.Contains('/') || options.WorkerId.Contains('\\')))
        {
            failures.Add($"Ingestion:WorkerId '{options.WorkerId}' must be usable as a folder name.");
        }
        if (options.ClaimTimeout <= TimeSpan.Zero)
        {
            failures.Add("Ingestion:ClaimTimeout must be positive.");
        }
        if (options.MaxReportBytes <= 0)
        {
            failures.Add("Ingestion:MaxReportBytes must be positive.");
        }
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Ingestion:PollInterval must be positive.");
        }
        if (options.FiledWatchTime < TimeSpan.Zero)
        {
            failures.Add("Ingestion:FiledWatchTime must not be negative.");
        }
        if (options.SettleTime < TimeSpan.Zero)
        {
            failures.Add("Ingestion:SettleTime must not be negative.");
        }
        if (options.MaxConcurrency < 1)
        {
            failures.Add("Ingestion:MaxConcurrency must be at least 1.");
        }
        if (options.StoreRetries < 1)
        {
            failures.Add("Ingestion:StoreRetries must be at least 1.");
        }
        if (options.StoreRetryDelay < TimeSpan.Zero)
        {
            failures.Add("Ingestion:StoreRetryDelay must not be negative.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
