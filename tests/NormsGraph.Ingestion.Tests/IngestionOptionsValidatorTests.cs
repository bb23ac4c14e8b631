using Microsoft.Extensions.Options;

namespace NormsGraph.Ingestion.Tests;

public sealed class IngestionOptionsValidatorTests
{
    [Fact]
    public async Task A_folder_inside_the_inbox_fails_the_start_with_a_message_naming_the_setting()
    {
        using var folder = new TestFolder();
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var host = await IngestionHost.StartAsync(folder, new()
            {
                ["Ingestion:Processed"] = Path.Combine(folder.Inbox, "done"),
                ["Ingestion:WorkerId"] = "a/b",
            }, runWorker: true);
        });

        Assert.Contains("Ingestion:Processed", error.Message, StringComparison.Ordinal);
        Assert.Contains("Ingestion:WorkerId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_defaults_are_valid()
    {
        Assert.True(new IngestionOptionsValidator().Validate(null, new IngestionOptions()).Succeeded);
    }
}
