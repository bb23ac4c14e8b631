using System.Globalization;
using GraphQL.Types;
using GraphQLParser.AST;
using NormsGraph.Core.Domain;

namespace NormsGraph.Api.GraphQL.Types;

/// <summary>A calendar date as an ISO-8601 string (<c>2020-02-12</c>).</summary>
internal sealed class DateGraphType : ScalarGraphType
{
    public DateGraphType()
    {
        Name = "Date";
        Description = "A calendar date, ISO-8601 (yyyy-MM-dd).";
    }

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        DateOnly date => date,
        string text when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => date,
        _ => ThrowValueConversionError(value),
    };

    public override object? ParseLiteral(GraphQLValue value) => value switch
    {
        GraphQLNullValue => null,
        GraphQLStringValue s => ParseValue((string)s.Value),
        _ => ThrowLiteralConversionError(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        null => null,
        DateOnly date => IsoDate.Text(date),
        _ => ThrowSerializationError(value),
    };
}
