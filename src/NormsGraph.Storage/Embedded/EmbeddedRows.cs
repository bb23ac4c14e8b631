using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NormsGraph.Core.Domain;
using NormsGraph.Core.Storage;

namespace NormsGraph.Storage.Embedded;

/// <summary>
/// Rows to records and values to columns. Each reader expects the columns in the order of the matching
/// <c>…Columns</c> constant, so a query and its mapper cannot drift apart silently.
/// </summary>
internal static class EmbeddedRows
{
    /// <summary>Actor columns, for a query over <c>actors a</c>.</summary>
    public const string ActorColumns = "a.id, a.name, a.type, a.aliases, a.curated";

    public const string TargetColumns = "id, name, kind, description, framework_id";

    /// <summary>A statement that curation did not reject, for a query joining <c>curation c</c>.</summary>
    public const string NotRejected = "coalesce(c.status, 'extracted') <> 'rejected'";

    public const string ReportSummaryColumns = "id, title, date, source, format, extractor_version, ingested_at, event_id";

    public const string ReportColumns = "id, title, date, source, text, format, extractor_version";

    /// <summary>Statement columns, for a query over <c>statements s LEFT JOIN curation c</c>.</summary>
    public const string PositionColumns = """
        s.id, s.actor_id, s.stance, s.target_id, s.evidence, s.evidence_start, s.evidence_length, s.confidence,
        coalesce(c.status, 'extracted'), s.report_id, s.sort_date, s.event_id
        """;

    public static Actor Actor(SqliteDataReader r, int at = 0) => new(
        r.GetString(at), r.GetString(at + 1), EnumNames.Parse<ActorType>(r.GetString(at + 2)),
        JsonSerializer.Deserialize<List<string>>(r.GetString(at + 3)) ?? [], r.GetInt64(at + 4) != 0);

    public static Target Target(SqliteDataReader r, int at = 0) => new(
        r.GetString(at), r.GetString(at + 1), EnumNames.Parse<TargetKind>(r.GetString(at + 2)), NullableString(r, at + 3), NullableString(r, at + 4));

    public static ReportSummary ReportSummary(SqliteDataReader r, int at = 0) => new(
        r.GetString(at), r.GetString(at + 1), ParseDate(NullableString(r, at + 2)), NullableString(r, at + 3),
        EnumNames.Parse<ReportFormat>(r.GetString(at + 4)), r.GetString(at + 5),
        DateTimeOffset.Parse(r.GetString(at + 6), CultureInfo.InvariantCulture), NullableString(r, at + 7));

    public static Report Report(SqliteDataReader r) => new(
        r.GetString(0), r.GetString(1), ParseDate(NullableString(r, 2)), NullableString(r, 3), r.GetString(4),
        EnumNames.Parse<ReportFormat>(r.GetString(5)), r.GetString(6));

    public static PositionRecord Position(SqliteDataReader r, int at = 0)
    {
        var sortDate = r.GetString(at + 10);
        return new PositionRecord(r.GetString(at), r.GetString(at + 1), EnumNames.Parse<Stance>(r.GetString(at + 2)),
            r.GetString(at + 3), r.GetString(at + 4), r.GetInt32(at + 5), r.GetInt32(at + 6), r.GetDouble(at + 7),
            EnumNames.Parse<StatementStatus>(r.GetString(at + 8)), r.GetString(at + 9),
            sortDate == PositionCursor.Undated ? null : ParseDate(sortDate), NullableString(r, at + 11));
    }

    public static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static string? DateText(DateOnly? date) => StoredDates.Text(date);

    public static DateOnly? ParseDate(string? text) => StoredDates.Parse(text);

    public static string Aliases(IReadOnlyList<string> aliases) => JsonSerializer.Serialize(aliases);
}
