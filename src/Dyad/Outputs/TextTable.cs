using System.Text;

namespace Dyad.Outputs;

/// <summary>
/// A plain-text table that fits a terminal: fixed column widths, cells truncated with "…",
/// the last column takes what is left of <see cref="Width"/> columns.
/// </summary>
public sealed class TextTable
{
    private readonly (string Title, int Width, bool Right)[] _cols;
    public int Width { get; }

    public TextTable(int width, params (string Title, int Width, bool Right)[] cols)
    {
        Width = width;
        _cols = cols;
        int fixedW = 0;
        for (int i = 0; i < cols.Length - 1; i++) fixedW += cols[i].Width + 1;
        var last = _cols[^1];
        _cols[^1] = (last.Title, Math.Max(last.Width, width - fixedW), last.Right);
    }

    public void WriteHeader(TextWriter w)
    {
        WriteRow(w, _cols.Select(c => c.Title).ToArray());
        WriteRow(w, _cols.Select(c => new string('-', c.Width)).ToArray());
    }

    public void WriteRow(TextWriter w, params string?[] cells)
    {
        var sb = new StringBuilder(Width + 8);
        for (int i = 0; i < _cols.Length; i++)
        {
            if (i > 0) sb.Append(' ');
            string cell = Fit(ActorKeys.Clean(cells.Length > i ? cells[i] ?? "" : ""), _cols[i].Width);
            if (i == _cols.Length - 1 && !_cols[i].Right) { sb.Append(cell); break; }
            if (_cols[i].Right) sb.Append(' ', _cols[i].Width - cell.Length).Append(cell);
            else sb.Append(cell).Append(' ', _cols[i].Width - cell.Length);
        }
        w.WriteLine(sb.ToString().TrimEnd());
    }

    public static string Fit(string s, int width)
    {
        if (s.Length <= width) return s;
        if (width <= 1) return "…"[..width];
        int cut = width - 1;
        if (char.IsHighSurrogate(s[cut - 1])) cut--;
        return s[..cut].TrimEnd() + "…";
    }
}
