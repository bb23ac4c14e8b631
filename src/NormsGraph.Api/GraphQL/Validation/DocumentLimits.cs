using GraphQLParser.AST;

namespace NormsGraph.Api.GraphQL.Validation;

/// <summary>
/// Bounds on a parsed document, checked before GraphQL.NET's validation, whose cost they keep small. Its rules follow
/// fragment spreads recursively (a chain of 1,000 fragments, 35 KB, overflowed the stack and killed the process, worker
/// included), expand fragments as often as they are spread (each of 24 fragments spreading the next two: 70 s, 2.8 GB)
/// and compare fields pairwise (16,000 repeated fields held a core for minutes), and validation neither sees the
/// execution timeout nor the client leaving. So: fragment spreads nest at most <see cref="MaxFragmentNesting"/> deep,
/// and the document has at most a given number of fields once every fragment spread is expanded.
/// </summary>
internal static class DocumentLimits
{
    /// <summary>GraphiQL's schema query nests three; a fragment within a fragment beyond this is no analyst's query.</summary>
    public const int MaxFragmentNesting = 16;

    /// <summary>The first limit <paramref name="document"/> breaks, as a message, or null when it keeps them all.</summary>
    public static string? Check(GraphQLDocument document, int maxFields)
    {
        var fragments = new Dictionary<string, GraphQLFragmentDefinition>(StringComparer.Ordinal);
        foreach (var fragment in document.Definitions.OfType<GraphQLFragmentDefinition>())
        {
            fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
        }
        var walk = new Walk(fragments, maxFields);
        long fields = 0;
        // Fragment definitions count as well as the operations that spread them: validation visits both.
        foreach (var definition in document.Definitions)
        {
            var size = definition switch
            {
                GraphQLOperationDefinition operation => walk.Measure(operation.SelectionSet),
                GraphQLFragmentDefinition fragment => walk.Spread(fragment.FragmentName.Name.StringValue),
                _ => default,
            };
            if (walk.TooDeep || size.Nesting > MaxFragmentNesting)
            {
                return $"Fragment spreads nest more than {MaxFragmentNesting} deep.";
            }
            fields = walk.Add(fields, size.Fields);
        }
        return fields > maxFields
            ? $"The document has more than {maxFields} fields once its fragments are expanded (Api:MaxFields)."
            : null;
    }

    private readonly record struct Size(long Fields, int Nesting);

    // Measures fields and spread nesting with each fragment's size memoised, so a fragment spread a million times is walked
    // once; field counts saturate just past the limit. A spread of a fragment being walked (a cycle) or of an unknown one
    // counts nothing: the standard rules report both, without deep recursion once nesting is bounded.
    private sealed class Walk(Dictionary<string, GraphQLFragmentDefinition> fragments, int maxFields)
    {
        private readonly Dictionary<string, Size> _measured = new(StringComparer.Ordinal);
        private readonly HashSet<string> _walking = new(StringComparer.Ordinal);

        public bool TooDeep { get; private set; }

        public long Add(long a, long b) => Math.Min(a + b, maxFields + 1L);

        public Size Measure(GraphQLSelectionSet? selections)
        {
            var total = default(Size);
            foreach (var selection in selections?.Selections ?? [])
            {
                var size = selection switch
                {
                    GraphQLField field => Measure(field.SelectionSet) is var inner ? inner with { Fields = Add(inner.Fields, 1) } : default,
                    GraphQLInlineFragment inline => Measure(inline.SelectionSet),
                    GraphQLFragmentSpread spread => Spread(spread.FragmentName.Name.StringValue),
                    _ => default,
                };
                total = new Size(Add(total.Fields, size.Fields), Math.Max(total.Nesting, size.Nesting));
                if (TooDeep)
                {
                    break;
                }
            }
            return total;
        }

        /// <summary>What spreading the fragment adds: its fields, and one more level of nesting than it holds.</summary>
        public Size Spread(string name)
        {
            if (!_measured.TryGetValue(name, out var inner))
            {
                if (!fragments.TryGetValue(name, out var fragment) || _walking.Contains(name))
                {
                    return default;
                }
                if (_walking.Count >= MaxFragmentNesting)
                {
                    TooDeep = true;
                    return default;
                }
                _walking.Add(name);
                inner = Measure(fragment.SelectionSet);
                _walking.Remove(name);
                if (TooDeep)
                {
                    return default;
                }
                _measured[name] = inner;
            }
            return inner with { Nesting = inner.Nesting + 1 };
        }
    }
}
