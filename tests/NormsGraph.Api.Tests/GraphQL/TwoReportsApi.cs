using System.Text.Json.Nodes;
using static NormsGraph.Api.Tests.GraphQLClient;

namespace NormsGraph.Api.Tests.GraphQL;

/// <summary>An API of its own per test, holding the two small sample reports a year apart (see <see cref="GraphQLClient.SecondReport"/>).</summary>
public abstract class TwoReportsApi : IAsyncLifetime
{
    protected ApiFactory Factory { get; } = new();

    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        await SubmitBothAsync(Client);
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();

    /// <summary>The data of a query's answer; throws on GraphQL errors.</summary>
    protected async Task<JsonNode> QueryAsync(string query, object? variables = null) => Data((await PostAsync(Client, query, variables)).Body);
}
