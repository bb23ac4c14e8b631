using System.Text;

namespace NormsGraph.Core.Reading;

/// <summary>Decodes report bytes: a byte-order mark names the encoding, otherwise the bytes must be valid UTF-8.</summary>
public static class ReportDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        Encoding encoding = StrictUtf8;
        var skip = 0;
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            skip = 3;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            encoding = new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        else if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            encoding = new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
            skip = 2;
        }
        if (skip == 0 && bytes.IndexOf((byte)0) >= 0)
        {
            throw new ReportRejectedException("BINARY_CONTENT", "The file is binary, not text.");
        }
        try
        {
            return encoding.GetString(bytes[skip..]);
        }
        catch (DecoderFallbackException e)
        {
            throw new ReportRejectedException("UNDECODABLE",
                $"The file is not valid {(encoding is UTF8Encoding ? "UTF-8" : encoding.WebName)} text (bad byte at index {e.Index + skip}).");
        }
    }
}
