using System.Collections.Concurrent;
using System.Text;

namespace NormsGraph.Core.Domain;

/// <summary>Stable snake_case names for the domain enums, used in storage, JSON and taxonomy files.</summary>
public static class EnumNames
{
    // Every statement id spells its stance: each value is spelled once per process.
    public static string ToSnakeCase<T>(T value) where T : struct, Enum => Spelled<T>.Names.GetOrAdd(value, Spell);

    private static string Spell<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                builder.Append('_');
            }
            builder.Append(char.ToLowerInvariant(name[i]));
        }
        return builder.ToString();
    }

    public static T Parse<T>(string value) where T : struct, Enum =>
        TryParse<T>(value, out var result)
            ? result
            : throw new FormatException($"'{value}' is not a valid {typeof(T).Name}.");

    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum =>
        Enum.TryParse(value?.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out result)
        && Enum.IsDefined(result);

    private static class Spelled<T> where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Names = new();
    }
}
