using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NormsGraph.Core.Domain;

/// <summary>Deterministic ids derived from content, so re-ingesting the same thing changes nothing.</summary>
public static class StableIds
{
    public static string ForReportText(string text) => ForReportText(text, "", separated: false);

    /// <summary>The id of a report's title and text: <see cref="ForReportText(string)"/> of the title, a line
    /// break and the text, without joining them into a new string.</summary>
    public static string ForReportText(string title, string text) => ForReportText(title, text, separated: true);

    // Every extracted report hashes its whole text: it is copied once into a pooled buffer and its line endings
    // are made "\n" there, as string.ReplaceLineEndings("\n") would, instead of in two new strings.
    private static string ForReportText(string first, string second, bool separated)
    {
        var length = first.Length + (separated ? 1 : 0) + second.Length;
        var rented = ArrayPool<char>.Shared.Rent(length);
        var text = rented.AsSpan(0, length);
        first.CopyTo(text);
        if (separated)
        {
            text[first.Length] = '\n';
        }
        second.CopyTo(text[(length - second.Length)..]);
        var id = Hash(text[..ReplaceLineEndings(text)], 20, "r-");
        ArrayPool<char>.Shared.Return(rented);
        return id;
    }

    // The line breaks string.ReplaceLineEndings knows, but "\n", which stays as it is.
    private static readonly SearchValues<char> OtherLineBreaks = SearchValues.Create("\r\f\u0085\u2028\u2029");

    // CR LF, CR, NEL, FF, LS and PS become LF, in place; returns the new length.
    private static int ReplaceLineEndings(Span<char> text)
    {
        var next = text.IndexOfAny(OtherLineBreaks);
        if (next < 0)
        {
            return text.Length;
        }
        var length = next;
        for (var i = next; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                c = '\n';
            }
            else if (c is '\f' or '\u0085' or '\u2028' or '\u2029')
            {
                c = '\n';
            }
            text[length++] = c;
        }
        return length;
    }

    public static string ForEvent(string title, DateOnly? date) =>
        Hash($"{Normalise(title)}|{date:yyyy-MM-dd}", 16, "e-");

    public static string ForProposal(string label) => "proposal-" + Slug(label);

    public static string Slug(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }
        return builder.ToString().Trim('-');
    }

    private const int StackBytes = 1024;

    // Every extracted position hashes its id: the bytes and the digest stay off the heap.
    internal static string Hash(string value, int hexLength) => Hash(value, hexLength, prefix: "");

    /// <summary><paramref name="prefix"/> followed by the first <paramref name="hexLength"/> hex digits of the
    /// SHA-256 of <paramref name="value"/> in UTF-8, made as one string.</summary>
    internal static string Hash(ReadOnlySpan<char> value, int hexLength, string prefix)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(value.Length);
        var rented = maxBytes > StackBytes ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        var buffer = rented is null ? stackalloc byte[StackBytes] : rented;
        var length = Encoding.UTF8.GetBytes(value, buffer);
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer[..length], digest);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
        // Only the digits kept are spelled: two per byte.
        Span<char> id = stackalloc char[prefix.Length + SHA256.HashSizeInBytes * 2];
        prefix.CopyTo(id);
        Convert.TryToHexStringLower(digest[..((hexLength + 1) / 2)], id[prefix.Length..], out _);
        return new string(id[..(prefix.Length + hexLength)]);
    }

    /// <summary>Lower case, runs of white space as one space, none at the ends.</summary>
    internal static string Normalise(string text)
    {
        var rented = text.Length > StackBytes ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan(0, text.Length);
        var normalised = new string(buffer[..Normalise(text, buffer)]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return normalised;
    }

    /// <summary><see cref="Normalise(string)"/> written into <paramref name="destination"/> (at least as long as
    /// <paramref name="text"/>); returns its length.</summary>
    internal static int Normalise(ReadOnlySpan<char> text, Span<char> destination)
    {
        // Each position's id normalises its evidence sentence: lowered and squeezed in place in one buffer.
        var buffer = destination[..text.Length];
        text.ToLowerInvariant(buffer);
        var length = 0;
        foreach (var c in buffer)
        {
            if (!char.IsWhiteSpace(c))
            {
                buffer[length++] = c;
            }
            else if (length > 0 && buffer[length - 1] != ' ')
            {
                buffer[length++] = ' ';
            }
        }
        if (length > 0 && buffer[length - 1] == ' ')
        {
            length--;
        }
        return length;
    }
}
