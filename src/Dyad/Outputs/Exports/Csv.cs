namespace Dyad.Outputs.Exports;

/// <summary>RFC 4180 fields: quoted when they hold a comma, quote, CR or LF (or edge whitespace); quotes doubled; CRLF rows.</summary>
public static class Csv
{
    public static void WriteRow(TextWriter w, params string?[] fields)
    {
        for (int i = 0; i < fields.Length; i++)
        {
            if (i > 0) w.Write(',');
            WriteField(w, fields[i]);
        }
        w.Write("\r\n");
    }

    public static void WriteField(TextWriter w, string? s)
    {
        if (string.IsNullOrEmpty(s)) return;
        bool quote = s.AsSpan().IndexOfAny(",\"\r\n") >= 0 || char.IsWhiteSpace(s[0]) || char.IsWhiteSpace(s[^1]);
        if (!quote) { w.Write(s); return; }
        w.Write('"');
        foreach (char c in s)
        {
            if (c == '"') w.Write("\"\"");
            else w.Write(c);
        }
        w.Write('"');
    }

    /// <summary>Parses RFC 4180 text back into rows (used by tests and by anyone reading our exports).</summary>
    public static List<List<string>> Parse(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new System.Text.StringBuilder();
        bool inQuotes = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                    else inQuotes = false;
                }
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': inQuotes = true; any = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); field.Clear(); rows.Add(row); row = new(); any = false; break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }
}
