using System.Globalization;
using System.Text.Json;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Neo4j;

/// <summary>
/// Curation on Neo4j with the embedded store's rules (<c>EmbeddedCuration</c>): each change and its audit entry are
/// one auto-commit request (one <c>curation_*.cypher</c> statement), so they commit together or not at all, without
/// an explicit transaction. Values are checked here first, as the embedded store checks them, and the statement
/// checks the subject again under its locks. A resend of the same write is safe: the statement does nothing once an
/// audit entry carries its token, and the entry is read back instead.
/// </summary>
internal sealed class Neo4jCuration(Neo4jQueryClient client, TimeProvider clock)
{
    // An actor's aliases and type are written only while they are what was read; a curator racing another on the
    // same actor reads again, a few times, before giving up with an error that says to retry.
    private const int ActorAttempts = 5;

    public async Task<AuditEntry?> CurateAsync(CurationRequest request, string who, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        // One token per call, the same in every resend of it (the HTTP pipeline resends the same bytes).
        var token = Guid.NewGuid().ToString("N");
        var write = new Write(request, who, token, now);
        switch (request.Action)
        {
            case CurationAction.ConfirmStatement or CurationAction.RejectStatement:
                {
                    var status = request.Action == CurationAction.ConfirmStatement ? StatementStatus.Confirmed : StatementStatus.Rejected;
                    return await WriteAsync(write, Neo4jAnalystCypher.SetStatus, cancellationToken,
                        ("statementId", request.Subject), ("status", Snake(status)), ("updatedAt", now));
                }
            case CurationAction.SetStance:
                {
                    var value = Required(request);
                    if (!EnumNames.TryParse<Stance>(value, out var stance))
                    {
                        throw new CurationException($"'{value}' is not a stance; use support, oppose, propose or concern.");
                    }
                    return await WriteAsync(write, Neo4jAnalystCypher.SetStance, cancellationToken,
                        ("statementId", request.Subject), ("stance", Snake(stance)), ("updatedAt", now));
                }
            case CurationAction.SetTarget:
                {
                    var targetId = Required(request);
                    if ((await client.RunAsync(Neo4jQueries.GetTargets.With(("ids", new[] { targetId })), cancellationToken)).Records.Count == 0)
                    {
                        throw new CurationException($"No norm, principle or proposal has the id '{targetId}'.");
                    }
                    return await WriteAsync(write, Neo4jAnalystCypher.SetTarget, cancellationToken,
                        ("statementId", request.Subject), ("targetId", targetId), ("updatedAt", now));
                }
            case CurationAction.MergeActors:
                {
                    var newId = Required(request);
                    var actors = await Neo4jActorLookup.GetAsync(client, [request.Subject, newId], cancellationToken);
                    if (!actors.TryGetValue(request.Subject, out var old))
                    {
                        return null;
                    }
                    // An old id that is itself a redirect has no actor of its own left to merge: refused, naming the survivor.
                    request.OnSurvivor(old.Id);
                    if (!actors.TryGetValue(newId, out var survivor))
                    {
                        throw new CurationException($"No actor has the id '{newId}' to merge '{request.Subject}' into.");
                    }
                    if (old.Id == survivor.Id)
                    {
                        throw new CurationException("An actor cannot be merged into itself.");
                    }
                    return await WriteAsync(write, Neo4jAnalystCypher.MergeActors, cancellationToken, ("oldId", old.Id), ("newId", survivor.Id));
                }
            case CurationAction.AddAlias:
                {
                    var alias = Required(request);
                    return await ChangeActorAsync(write, (null, alias), actor =>
                    {
                        var aliases = ActorAliases.WithCuratorAlias(actor, alias);
                        return (aliases, actor.Type, JsonSerializer.Serialize(actor.Aliases), JsonSerializer.Serialize(aliases));
                    }, cancellationToken);
                }
            case CurationAction.SetActorType:
                {
                    var value = Required(request);
                    if (!EnumNames.TryParse<ActorType>(value, out var type))
                    {
                        throw new CurationException($"'{value}' is not an actor type; use one of {string.Join(", ", Enum.GetValues<ActorType>().Select(EnumNames.ToSnakeCase))}.");
                    }
                    return await ChangeActorAsync(write, (Snake(type), null), actor => (actor.Aliases, type, Snake(actor.Type), Snake(type)),
                        cancellationToken);
                }
            default:
                throw new CurationException($"Unknown curation action {request.Action}.");
        }
    }

    public async Task<Page<AuditEntry>> GetAuditLogAsync(string? subject, int first, string? after, CancellationToken cancellationToken)
    {
        first = Math.Clamp(first, 0, PositionQuery.MaxPageSize);
        var afterSeq = after is null ? 0
            : long.TryParse(PageCursor.Decode("audit", after, 1)[0], NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq
            : throw new ArgumentException($"'{after}' is not a valid cursor for this list.", nameof(after));
        var row = (await client.RunAsync(Neo4jAnalystCypher.AuditLog.With(("subject", subject), ("afterSeq", afterSeq), ("limit", first + 1)),
            cancellationToken)).Single();
        var entries = row["page"].EnumerateArray().Select(e => new AuditEntry(e.GetProperty("seq").GetInt64(),
            DateTimeOffset.Parse(Text(e, "at")!, CultureInfo.InvariantCulture), Text(e, "who")!, EnumNames.Parse<CurationAction>(Text(e, "action")!),
            Text(e, "subject")!, Text(e, "before"), Text(e, "after"))).ToList();
        return Pages.From(entries, first, row.GetInt32("total"), e => e.Cursor);
    }

    /// <summary>
    /// Sends one change; no row back means the subject is missing or this very write already committed (a resend
    /// after a lost answer), which the entry carrying its token tells apart.
    /// </summary>
    private async Task<AuditEntry?> WriteAsync(Write write, CypherQuery query, CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        var rows = await client.WriteAsync(query.With([.. write.Audit, .. parameters]), cancellationToken);
        return rows.Records is [var row, ..] ? Entry(write, row) : await ReplayAsync(write, cancellationToken);
    }

    /// <summary>
    /// Writes an actor's new aliases or type, and the curator's decision (<paramref name="decision"/>: the type set or the
    /// alias added) apart from them, where later reports and taxonomies lay it over what they bring.
    /// </summary>
    private async Task<AuditEntry?> ChangeActorAsync(Write write, (string? CuratedType, string? CuratorAlias) decision,
        Func<Actor, (IReadOnlyList<string> Aliases, ActorType Type, string Before, string After)> change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; attempt <= ActorAttempts; attempt++)
        {
            // A merged actor's old id changes the actor it was merged into, as in the embedded store.
            if ((await Neo4jActorLookup.GetAsync(client, [write.Request.Subject], cancellationToken)).GetValueOrDefault(write.Request.Subject) is not { } actor)
            {
                return null;
            }
            // The change is the survivor's, and so is its audit entry's subject, as in the embedded store.
            write = write with { Request = write.Request.OnSurvivor(actor.Id) };
            var (aliases, type, before, after) = change(actor);
            var rows = await client.WriteAsync(Neo4jAnalystCypher.SetActor.With(
            [
                .. write.Audit, ("actorId", actor.Id), ("expectedAliases", actor.Aliases), ("expectedType", Snake(actor.Type)),
                ("aliases", aliases), ("type", Snake(type)), ("before", before), ("after", after),
                ("curatedType", decision.CuratedType), ("curatorAlias", decision.CuratorAlias),
            ]), cancellationToken);
            if (rows.Records is [var row, ..])
            {
                return Entry(write, row);
            }
            if (await ReplayAsync(write, cancellationToken) is { } made)
            {
                return made;
            }
        }
        throw new StoreUnavailableException($"The actor '{write.Request.Subject}' kept changing while '{Snake(write.Request.Action)}' was applied; try again.");
    }

    private async Task<AuditEntry?> ReplayAsync(Write write, CancellationToken cancellationToken) =>
        await client.RunAsync(Neo4jAnalystCypher.Replay.With(("writeToken", write.Token)), cancellationToken) is { Records: [var row, ..] }
            ? Entry(write, row)
            : null;

    private static AuditEntry Entry(Write write, Neo4jRecord row) =>
        new(row.GetInt32("seq"), DateTimeOffset.Parse(row.GetString("at"), CultureInfo.InvariantCulture), write.Who, write.Request.Action,
            write.Request.Subject, row.GetNullableString("beforeValue"), row.GetNullableString("afterValue"));

    private static string Required(CurationRequest request) => request.RequiredValue();

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Snake<T>(T value) where T : struct, Enum => EnumNames.ToSnakeCase(value);

    /// <summary>One curation call: what it asks, who asks, the token of its write and the audit parameters every statement takes.</summary>
    private sealed record Write(CurationRequest Request, string Who, string Token, string At)
    {
        /// <summary>The audit entry's parameters, which every curation statement writes with its change.</summary>
        public (string, object?)[] Audit => [("at", At), ("who", Who), ("action", Snake(Request.Action)), ("subject", Request.Subject), ("writeToken", Token)];
    }
}
