using System.Collections.Concurrent;
using System.Collections.Frozen;
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

    /// <summary>
    /// The value whose snake_case name is <paramref name="value"/>, in any case (<c>civil_society</c>, <c>CIVIL_SOCIETY</c>).
    /// Only the names: <see cref="Enum.TryParse{TEnum}(string?, bool, out TEnum)"/> also took numbers ("0" was a stance) and
    /// underscores anywhere.
    /// </summary>
    public static bool TryParse<T>(string? value, out T result) where T : struct, Enum =>
        Named<T>.ByName.TryGetValue(value ?? "", out result);

    private static class Spelled<T> where T : struct, Enum
    {
        public static readonly ConcurrentDictionary<T, string> Names = new();
    }

    private static class Named<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> ByName =
            Enum.GetValues<T>().ToFrozenDictionary(v => ToSnakeCase(v), StringComparer.OrdinalIgnoreCase);
    }
}
