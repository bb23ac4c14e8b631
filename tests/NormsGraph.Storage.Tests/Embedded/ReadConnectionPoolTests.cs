using Microsoft.Data.Sqlite;
using NormsGraph.Storage.Embedded;
using SQLitePCL;

namespace NormsGraph.Storage.Tests.Embedded;

/// <summary>Pooled read connections and their prepared statements (<see cref="ReadConnectionPool"/>, <see cref="StatementCache"/>).</summary>
public sealed class ReadConnectionPoolTests : IAsyncLifetime
{
    private const string Names = "SELECT name FROM people ORDER BY name;";
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "normsgraph-tests", Guid.NewGuid().ToString("N"));
    private EmbeddedDatabase _database = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _database = new EmbeddedDatabase(Path.Combine(_folder, "pool.db"));
        await _database.WriteAsync(async (connection, transaction) =>
        {
            await Sql.ExecuteAsync(connection, transaction,
                "CREATE TABLE people (id TEXT PRIMARY KEY, name TEXT NOT NULL); INSERT INTO people VALUES ('a', 'Ana'), ('b', 'Ben'), ('c', 'Cy');", Ct);
            return true;
        }, Ct);
    }

    public ValueTask DisposeAsync()
    {
        _database.Dispose();
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Reads_one_after_another_share_one_connection_and_reuse_the_prepared_command()
    {
        StatementCache? first = null;
        StatementCache? second = null;
        var names = await _database.ReadAsync(async c =>
        {
            first = StatementCache.Of(c);
            return await Sql.ListAsync(c, null, Names, r => r.GetString(0), Ct);
        }, Ct);
        var again = await _database.ReadAsync(async c =>
        {
            second = StatementCache.Of(c);
            return await Sql.ListAsync(c, null, Names, r => r.GetString(0), Ct);
        }, Ct);

        Assert.Equal(["Ana", "Ben", "Cy"], names);
        Assert.Equal(names, again);
        Assert.Equal(1, _database.ReadConnectionsOpened);
        Assert.Same(first, second);
        Assert.Equal((1, 1), (second!.Created, second.Reused));
    }

    [Fact]
    public async Task A_reused_command_binds_the_new_parameters()
    {
        const string ById = "SELECT name FROM people WHERE id = $id;";
        var (ana, cy) = await _database.ReadAsync(async c =>
            (await Sql.ListAsync(c, null, ById, r => r.GetString(0), Ct, ("$id", "a")),
             await Sql.ListAsync(c, null, ById, r => r.GetString(0), Ct, ("$id", "c"))), Ct);

        Assert.Equal(["Ana"], ana);
        Assert.Equal(["Cy"], cy);
    }

    [Fact]
    public async Task Lookups_by_id_prepare_one_statement_whatever_the_number_of_ids()
    {
        const string ByIds = "SELECT id, name FROM people WHERE id IN ({0});";
        var cache = await _database.ReadAsync(async c =>
        {
            Assert.Equal(["a"], (await Sql.ByIdsAsync(c, ["a"], ByIds, r => r.GetString(0), id => id, Ct)).Keys);
            Assert.Equal(["a", "b", "c"], (await Sql.ByIdsAsync(c, ["c", "a", "b", "a", "zz"], ByIds, r => r.GetString(0), id => id, Ct)).Keys.Order());
            return StatementCache.Of(c)!;
        }, Ct);

        Assert.Equal((1, 1), (cache.Created, cache.Reused));
    }

    [Fact]
    public async Task A_query_run_again_with_another_limit_keeps_its_prepared_statement()
    {
        // SQLite plans with a bound LIMIT's value and prepares the statement again when the value changes, unless the
        // connection has the query planner stability guarantee on.
        const string FirstNames = "SELECT name FROM people ORDER BY name LIMIT $limit;";
        var ((one, two), compilations) = await _database.ReadAsync(c => CountingCompilationsAsync(c, async () =>
            (await Sql.ListAsync(c, null, FirstNames, r => r.GetString(0), Ct, ("$limit", 1)),
             await Sql.ListAsync(c, null, FirstNames, r => r.GetString(0), Ct, ("$limit", 2)))), Ct);

        Assert.Equal(["Ana"], one);
        Assert.Equal(["Ana", "Ben"], two);
        Assert.Equal(1, compilations);
    }

    [Fact]
    public async Task A_query_nested_in_a_running_one_with_the_same_text_gets_its_own_command()
    {
        var pairs = await _database.ReadAsync(async c =>
        {
            var cache = StatementCache.Of(c)!;
            var outer = cache.Rent(Names);
            await using var reader = await outer.ExecuteReaderAsync(Ct);
            var result = new List<(string, int)>();
            while (await reader.ReadAsync(Ct))
            {
                result.Add((reader.GetString(0), (await Sql.ListAsync(c, null, Names, r => r.GetString(0), Ct)).Count));
            }
            await reader.DisposeAsync();
            cache.Return(outer);
            return result;
        }, Ct);

        Assert.Equal([("Ana", 3), ("Ben", 3), ("Cy", 3)], pairs);
    }

    [Fact]
    public async Task Queries_past_the_capacity_run_and_are_not_kept()
    {
        var cache = await _database.ReadAsync(async c =>
        {
            for (var i = 0; i < StatementCache.Capacity + 10; i++)
            {
                Assert.Equal(i, await Sql.ScalarAsync(c, null, $"SELECT {i};", Ct));
            }
            Assert.Equal(0, await Sql.ScalarAsync(c, null, "SELECT 0;", Ct));
            return StatementCache.Of(c)!;
        }, Ct);

        Assert.Equal((StatementCache.Capacity + 10, 1), (cache.Created, cache.Reused));
    }

    [Fact]
    public async Task Reads_at_the_same_time_get_connections_of_their_own()
    {
        var inside = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var held = _database.ReadAsync(async c =>
        {
            inside.SetResult();
            await release.Task;
            return c;
        }, Ct);
        await inside.Task;
        var other = await _database.ReadAsync(c => Task.FromResult(c), Ct);
        release.SetResult();

        Assert.NotSame(await held, other);
        Assert.Equal(2, _database.ReadConnectionsOpened);
    }

    [Fact]
    public async Task A_failed_read_closes_its_connection_and_the_next_read_opens_another()
    {
        await Assert.ThrowsAsync<SqliteException>(() => _database.ReadAsync(c => Sql.ScalarAsync(c, null, "SELECT nothing FROM nowhere;", Ct), Ct));

        Assert.Equal(3, await _database.ReadAsync(c => Sql.ScalarAsync(c, null, "SELECT count(*) FROM people;", Ct), Ct));
        Assert.Equal(2, _database.ReadConnectionsOpened);
    }

    [Fact]
    public async Task A_read_on_a_pooled_connection_sees_what_was_written_since_its_last_read()
    {
        const string Count = "SELECT count(*) FROM people;";
        Assert.Equal(3, await _database.ReadAsync(c => Sql.ScalarAsync(c, null, Count, Ct), Ct));
        await _database.WriteAsync(async (c, t) =>
        {
            await Sql.ExecuteAsync(c, t, "INSERT INTO people VALUES ('d', 'Dee');", Ct);
            return true;
        }, Ct);

        Assert.Equal(4, await _database.ReadAsync(c => Sql.ScalarAsync(c, null, Count, Ct), Ct));
    }

    /// <summary>
    /// Runs <paramref name="query"/> and counts how often SQLite compiled a statement meanwhile: the authorizer is asked
    /// while a statement is prepared, and again when it is prepared afresh before a run. (Setting an authorizer expires
    /// the connection's prepared statements, so statements prepared before are compiled again too.)
    /// </summary>
    private static async Task<(T Result, int Compilations)> CountingCompilationsAsync<T>(SqliteConnection connection, Func<Task<T>> query)
    {
        var compilations = 0;
        delegate_authorizer count = (_, action, _, _, _, _) =>
        {
            compilations += action == raw.SQLITE_SELECT ? 1 : 0;
            return raw.SQLITE_OK;
        };
        raw.sqlite3_set_authorizer(connection.Handle, count, null);
        try
        {
            return (await query(), compilations);
        }
        finally
        {
            raw.sqlite3_set_authorizer(connection.Handle, (delegate_authorizer?)null, null);
        }
    }
}
