using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;

namespace NormsGraph.Cli.Link;

/// <summary>
/// <c>link bench --url http://127.0.0.1:5080 --input statements.jsonl [--requests 500]</c>: latency of
/// <c>linkStatement</c> over HTTP against a running API, one request at a time (what one analyst sees), with
/// the whole answer asked for (targets, scores, why with similar statements, actors and reports).
/// </summary>
internal static class LinkBenchCommand
{
    private const string Query = """
        query Link($text: String!) {
          linkStatement(text: $text, top: 5) {
            target { id name } score
            why { phrases terms closestWording similarity similar { statement evidence actor { name } report { title } } }
          }
        }
        """;

    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The API's base address.", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        url.Validators.Add(r =>
        {
            if (!Uri.TryCreate(r.GetValue(url), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                r.AddError("--url must be an absolute http(s) address.");
            }
        });
        var input = new Option<string>("--input") { Description = "JSON lines {\"id\", \"text\"}, cycled through.", Required = true };
        var requests = new Option<int>("--requests") { Description = "Timed requests.", DefaultValueFactory = _ => 500 };
        var warmup = new Option<int>("--warmup") { Description = "Untimed requests first (JIT, caches).", DefaultValueFactory = _ => 50 };
        var command = new Command("bench", "Latency of linkStatement over HTTP against a running API (p50, p90, p99).") { url, input, requests, warmup };
        command.SetAction((parse, ct) => RunAsync(new Uri(parse.GetValue(url)!), parse.GetValue(input)!, parse.GetValue(requests), parse.GetValue(warmup), Console.Out, ct));
        return command;
    }

    internal static async Task<int> RunAsync(Uri url, string inputPath, int requests, int warmup, TextWriter output, CancellationToken cancellationToken)
    {
        List<LinkStatement> statements;
        using (var reader = new StreamReader(inputPath))
        {
            statements = LinkInput.Read(reader, TextWriter.Null, out _);
        }
        if (statements.Count == 0)
        {
            await output.WriteLineAsync("normsgraph: no statements to send.");
            return 2;
        }
        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        var latencies = new List<double>(requests);
        var errors = 0;
        var started = Stopwatch.GetTimestamp();
        for (var i = 0; i < warmup + requests; i++)
        {
            if (i == warmup)
            {
                started = Stopwatch.GetTimestamp();
            }
            var text = statements[i % statements.Count].Text;
            var sent = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/graphql", new { query = Query, variables = new { text } }, cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var elapsed = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
            using var json = JsonDocument.Parse(body);
            if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _))
            {
                errors++;
            }
            if (i >= warmup)
            {
                latencies.Add(elapsed);
            }
        }
        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latencies.Sort();
        double P(double q) => latencies[Math.Clamp((int)Math.Ceiling(q * latencies.Count) - 1, 0, latencies.Count - 1)];
        var c = CultureInfo.InvariantCulture;
        await output.WriteLineAsync(string.Create(c, $"linkStatement over HTTP: {requests} requests after {warmup} warm-up, one at a time, {statements.Count} distinct statements, {errors} errors"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("| p50 ms | p90 ms | p99 ms | max ms | statements/s |");
        await output.WriteLineAsync("|---|---|---|---|---|");
        await output.WriteLineAsync(string.Create(c, $"| {P(0.50):0.0} | {P(0.90):0.0} | {P(0.99):0.0} | {latencies[^1]:0.0} | {requests / total:0.0} |"));
        return errors == 0 ? 0 : 1;
    }
}
