using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NormsGraph.Storage.Tests.Neo4j;

/// <summary>
/// A real HTTP server on 127.0.0.1 (Kestrel, port 0) that answers as Neo4j's Query API documents: from a
/// script of answers given in order, or, once the script is spent and a <see cref="FakeGraphDatabase"/> is
/// attached, from that imitation of the store's statements (with locks and injected faults). It records
/// every request it gets and how many were in flight at once.
/// </summary>
internal sealed class FakeQueryApi : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _answers = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly WebApplication _app;
    private int _inFlight;
    private int _maxInFlight;

    private FakeQueryApi(WebApplication app) => _app = app;

    /// <summary>Answers requests the script does not cover, as the store's statements would change a graph.</summary>
    public FakeGraphDatabase? Database { get; set; }

    /// <summary>The most requests that were being answered at the same moment.</summary>
    public int MaxConcurrentRequests => Volatile.Read(ref _maxInFlight);

    public Uri Address { get; private set; } = null!;

    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<FakeQueryApi> StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeQueryApi(app);
        app.Run(fake.HandleAsync);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.Address = new Uri(address);
        return fake;
    }

    /// <summary>Answers the next request with this status and JSON body, optionally after a delay.</summary>
    public FakeQueryApi Then(int status, string json, TimeSpan? delay = null)
    {
        _answers.Enqueue(async context =>
        {
            if (delay is { } wait)
            {
                await Task.Delay(wait, context.RequestAborted);
            }
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json, context.RequestAborted);
        });
        return this;
    }

    public FakeQueryApi ThenData(string fieldsAndValues, string bookmarks = "[]") =>
        Then(202, $$"""{"data": {{fieldsAndValues}}, "bookmarks": {{bookmarks}}}""");

    public FakeQueryApi ThenError(int status, string code, string message) =>
        Then(status, $$"""{"errors": [{"code": "{{code}}", "message": "{{message}}"}]}""");

    /// <summary>Drops the connection without answering, as a crashing server or a broken network does.</summary>
    public FakeQueryApi ThenDrop()
    {
        _answers.Enqueue(context =>
        {
            context.Abort();
            return Task.CompletedTask;
        });
        return this;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(ref _maxInFlight, now);
        try
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync(context.RequestAborted);
            _requests.Enqueue(new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? "",
                context.Request.Headers.Authorization.ToString(), body));
            // A fresh connection per request: the client's own transparent retry of a reused connection must not
            // consume scripted answers.
            context.Response.Headers.Connection = "close";
            if (_answers.TryDequeue(out var answer))
            {
                await answer(context);
                return;
            }
            if (Database is { } database)
            {
                await database.AnswerAsync(context, body);
                return;
            }
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync("""{"errors": [{"code": "Test.Unscripted", "message": "no answer scripted for this request"}]}""");
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        for (var seen = Volatile.Read(ref target); value > seen; seen = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, seen) == seen)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Authorization, string Body);
