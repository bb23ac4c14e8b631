using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace NormsGraph.Api.Tests.Http;

/// <summary>The API as a real process on Kestrel (<c>dotnet NormsGraph.Api.dll</c>), with its own temporary store, killed on dispose.</summary>
internal sealed class ApiProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _folder;

    private ApiProcess(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the API listening where <paramref name="configure"/> says (environment variables, arguments) and waits until it answers.</summary>
    public static async Task<ApiProcess> StartAsync(Action<ProcessStartInfo, int> configure)
    {
        var port = FreePort();
        var folder = Path.Combine(Path.GetTempPath(), "normsgraph-api-process", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = folder,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "NormsGraph.Api.dll"));
        start.Environment["Ingestion__Enabled"] = "false";
        start.Environment["Ingestion__SeedSamples"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Information";
        configure(start, port);
        var api = new ApiProcess(new Process { StartInfo = start }, folder, port);
        api._process.OutputDataReceived += (_, e) => api.Append(e.Data);
        api._process.ErrorDataReceived += (_, e) => api.Append(e.Data);
        api._process.Start();
        api._process.BeginOutputReadLine();
        api._process.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = api.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        for (var attempt = 0; attempt < 150 && !api._process.HasExited; attempt++)
        {
            try
            {
                if ((await http.GetAsync("health/live", TestContext.Current.CancellationToken)).IsSuccessStatusCode)
                {
                    return api;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
        var output = api.Output;
        await api.DisposeAsync();
        throw new InvalidOperationException($"The API did not answer on port {port}:\n{output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
