using System.Net.Sockets;
using System.Text;

namespace NormsGraph.Api.Tests.Http;

/// <summary>The API as a real process: the standard ways to choose its address work, and a client leaving mid-request is no failure.</summary>
public sealed class HostingTests
{
    [Fact]
    public async Task Aspnetcore_urls_chooses_the_address()
    {
        await using var api = await ApiProcess.StartAsync((start, port) => start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}");

        Assert.Contains($"Now listening on: http://127.0.0.1:{api.Port}", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_urls_argument_chooses_the_address()
    {
        await using var api = await ApiProcess.StartAsync((start, port) =>
        {
            start.ArgumentList.Add("--urls");
            start.ArgumentList.Add($"http://127.0.0.1:{port}");
        });

        Assert.Contains($"Now listening on: http://127.0.0.1:{api.Port}", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Aspnetcore_http_ports_chooses_the_port_on_every_interface_and_then_needs_a_key()
    {
        await using var api = await ApiProcess.StartAsync((start, port) =>
        {
            start.Environment["ASPNETCORE_HTTP_PORTS"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            start.Environment["Api__Keys__0__Name"] = "curator";
            start.Environment["Api__Keys__0__Key"] = "curator-key-0123456789";
            start.Environment["Api__Keys__0__Scopes__0"] = "write";
        });

        Assert.Contains($"Now listening on: http://[::]:{api.Port}", api.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_request_is_not_logged_as_a_failure()
    {
        await using var api = await ApiProcess.StartAsync((start, port) => start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}");

        // Announce a body of 10,000 bytes, send 20, and hang up: Kestrel sees the request content end early.
        for (var i = 0; i < 5; i++)
        {
            using var socket = new TcpClient();
            await socket.ConnectAsync("127.0.0.1", api.Port, TestContext.Current.CancellationToken);
            var stream = socket.GetStream();
            var head = $"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 10000\r\n\r\n{{\"query\": \"{{ __type";
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head), TestContext.Current.CancellationToken);
            await stream.FlushAsync(TestContext.Current.CancellationToken);
            await Task.Delay(100, TestContext.Current.CancellationToken);
            socket.Client.Shutdown(SocketShutdown.Both);
        }
        using var http = new HttpClient { BaseAddress = api.BaseAddress };
        // A request after them still answers, and by then the aborted ones have been handled.
        var response = await http.GetAsync("graphql?query=%7B__typename%7D", TestContext.Current.CancellationToken);
        await Task.Delay(500, TestContext.Current.CancellationToken);

        Assert.True(response.IsSuccessStatusCode);
        Assert.DoesNotContain("fail:", api.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("BadHttpRequestException", api.Output, StringComparison.Ordinal);
    }
}
