using System.Text;

namespace Dyad.Documents;

/// <summary>The outcome of decoding an input's bytes: the text, or why it is not text.</summary>
public readonly record struct DecodeResult(string? Text, string Encoding, string? Warning, string? Refusal);

/// <summary>
/// Bytes → text. UTF-8 (with or without BOM), UTF-16 LE/BE (BOM, or a zero-byte pattern without one),
/// UTF-32 with BOM; bytes that are not valid UTF-8 are read as Windows-1252 with a warning.
/// Binary content (NUL bytes outside UTF-16, many control characters, known binary signatures) is refused.
/// Line ends are normalised to \n and a leading BOM is dropped, so offsets count what a reader sees.
/// </summary>
public static class TextDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    // Windows-1252 0x80..0x9F (U+FFFD where the code page leaves a hole); the rest is ISO-8859-1.
    private static readonly char[] Cp1252High =
    [
        '\u20AC', '\uFFFD', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\uFFFD', '\u017D', '\uFFFD',
        '\uFFFD', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\uFFFD', '\u017E', '\u0178',
    ];

    private static readonly (byte[] Magic, string Name)[] Signatures =
    [
        ("%PDF"u8.ToArray(), "a PDF document"), ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (e.g. .docx, .xlsx)"),
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"), ([0xFF, 0xD8, 0xFF], "a JPEG image"), ("GIF8"u8.ToArray(), "a GIF image"),
        ([0x1F, 0x8B], "a gzip archive"), ([0x7F, 0x45, 0x4C, 0x46], "an ELF executable"),
        ("SQLite format 3"u8.ToArray(), "an SQLite database"), ([0xD0, 0xCF, 0x11, 0xE0], "an OLE document (e.g. .doc, .xls)"),
        ("BZh"u8.ToArray(), "a bzip2 archive"), ([0xFD, 0x37, 0x7A, 0x58, 0x5A], "an xz archive"), ("Rar!"u8.ToArray(), "a RAR archive"),
        ([0x37, 0x7A, 0xBC, 0xAF], "a 7-Zip archive"),
    ];

    /// <summary>Decodes; <paramref name="declaredCharset"/> (from an HTML meta tag) is a hint for non-UTF-8 bytes.</summary>
    public static DecodeResult Decode(ReadOnlySpan<byte> bytes, string? declaredCharset = null)
    {
        if (bytes.Length == 0) return new DecodeResult(null, "", null, "empty file");

        // Byte order marks.
        if (bytes.Length >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0)
            return Finish(new UTF32Encoding(false, true).GetString(bytes[4..]), "utf-32le", null);
        if (bytes.Length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF)
            return Finish(new UTF32Encoding(true, true).GetString(bytes[4..]), "utf-32be", null);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Utf8OrFallback(bytes[3..], declaredCharset, "utf-8 (BOM)");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Utf16(bytes[2..], bigEndian: false, "utf-16le (BOM)");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Utf16(bytes[2..], bigEndian: true, "utf-16be (BOM)");

        foreach (var (magic, name) in Signatures)
            if (bytes.Length >= magic.Length && bytes[..magic.Length].SequenceEqual(magic))
                return new DecodeResult(null, "", null, $"binary file ({name}), not text");

        // UTF-16 without a BOM: most ASCII characters leave one byte of each pair zero.
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        int evenZero = 0, oddZero = 0, zeros = 0;
        for (int i = 0; i < head.Length; i++)
        {
            if (head[i] != 0) continue;
            zeros++;
            if ((i & 1) == 0) evenZero++; else oddZero++;
        }
        int pairs = head.Length / 2;
        if (pairs >= 2)
        {
            if (oddZero > pairs * 0.3 && evenZero < pairs * 0.05) return Utf16(bytes, bigEndian: false, "utf-16le (detected)");
            if (evenZero > pairs * 0.3 && oddZero < pairs * 0.05) return Utf16(bytes, bigEndian: true, "utf-16be (detected)");
        }
        if (zeros > 0) return new DecodeResult(null, "", null, "binary file (contains NUL bytes), not text");
        return Utf8OrFallback(bytes, declaredCharset, "utf-8");
    }

    private static DecodeResult Utf8OrFallback(ReadOnlySpan<byte> bytes, string? declared, string name)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            text = DecodeCp1252(bytes);
            string where = e.Index >= 0 ? $" at byte {e.Index}" : "";
            bool declared1252 = declared != null && (declared.Contains("1252", StringComparison.Ordinal)
                || declared.Contains("8859-1", StringComparison.Ordinal) || declared.Contains("latin", StringComparison.OrdinalIgnoreCase));
            return Finish(text, "windows-1252", declared1252 ? null : $"not valid UTF-8{where}; read as Windows-1252");
        }
        return Finish(text, name, null);
    }

    private static DecodeResult Utf16(ReadOnlySpan<byte> bytes, bool bigEndian, string name)
    {
        if ((bytes.Length & 1) == 1) bytes = bytes[..^1];
        string text;
        try
        {
            text = new UnicodeEncoding(bigEndian, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = new UnicodeEncoding(bigEndian, false, false).GetString(bytes);
            return Finish(text, name, "invalid UTF-16 sequences replaced with U+FFFD");
        }
        return Finish(text, name, null);
    }

    public static string DecodeCp1252(ReadOnlySpan<byte> bytes)
    {
        return string.Create(bytes.Length, bytes.ToArray(), static (span, b) =>
        {
            for (int i = 0; i < b.Length; i++)
            {
                byte x = b[i];
                span[i] = x is >= 0x80 and <= 0x9F ? Cp1252High[x - 0x80] : (char)x;
            }
        });
    }

    private static DecodeResult Finish(string text, string encoding, string? warning)
    {
        text = NormalizeNewlines(text);
        if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
        // Control characters other than tab, newline, form feed: a sign of binary content.
        int control = 0, sample = Math.Min(text.Length, 65536);
        for (int i = 0; i < sample; i++)
        {
            char c = text[i];
            if (c < 0x20 && c != '\n' && c != '\t' && c != '\f' || c == '\0') control++;
        }
        if (control > 0 && control > sample / 100)
            return new DecodeResult(null, encoding, null, "binary file (control characters), not text");
        if (string.IsNullOrWhiteSpace(text)) return new DecodeResult(null, encoding, null, "no text (only whitespace)");
        return new DecodeResult(text, encoding, warning, null);
    }

    /// <summary>\r\n and lone \r become \n.</summary>
    public static string NormalizeNewlines(string s)
    {
        if (s.IndexOf('\r') < 0) return s;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < s.Length && s[i + 1] == '\n') i++;
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
