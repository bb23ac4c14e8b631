using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace NormsGraph.Core.Domain;

/// <summary>Deterministic ids derived from content, so re-ingesting the same thing changes nothing.</summary>
public static class StableIds
{
    public static string ForReportText(string text) => "r-" + Hash(text.ReplaceLineEndings("\n"), 20);

    public static string ForEvent(string title, DateOnly? date) =>
        "e-" + Hash($"{Normalise(title)}|{date:yyyy-MM-dd}", 16);

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
    internal static string Hash(string value, int hexLength)
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
        return Convert.ToHexStringLower(digest)[..hexLength];
    }

    /// <summary>Lower case, runs of white space as one space, none at the ends.</summary>
    internal static string Normalise(string text)
    {
        // Each position's id normalises its evidence sentence: lowered and squeezed in place in one buffer.
        var rented = text.Length > StackBytes ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        var buffer = rented is null ? stackalloc char[text.Length] : rented.AsSpan(0, text.Length);
        text.AsSpan().ToLowerInvariant(buffer);
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
        var normalised = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return normalised;
    }
}
