using System.Globalization;
using System.Text;
using Dyad.Model;

namespace Dyad.Corpus;

/// <summary>
/// Packs a sentence's tokens into one text value: one line per token, tab-separated
/// <c>start-delta, length, text, lemma, upos, xpos, feats, head, deprel, space</c>. Offsets are
/// relative to the sentence start; text is empty when it equals the document text at the span
/// (the usual case), so a token costs a few dozen bytes instead of a row with indexes.
/// </summary>
internal static class TokenCodec
{
    public static string Encode(string docText, Sentence s, StringBuilder sb)
    {
        sb.Clear();
        foreach (var t in s.Tokens)
        {
            sb.Append(t.Start - s.Start).Append('\t').Append(t.End - t.Start).Append('\t');
            bool same = t.Start >= 0 && t.End <= docText.Length && t.End >= t.Start
                && docText.AsSpan(t.Start, t.End - t.Start).SequenceEqual(t.Text);
            if (!same) AppendEscaped(sb, t.Text.Length == 0 ? "\\0" : t.Text, raw: t.Text.Length == 0);
            sb.Append('\t'); AppendEscaped(sb, t.Lemma);
            sb.Append('\t'); AppendEscaped(sb, t.Upos);
            sb.Append('\t'); AppendEscaped(sb, t.Xpos);
            sb.Append('\t'); AppendEscaped(sb, t.Feats);
            sb.Append('\t').Append(t.Head);
            sb.Append('\t'); AppendEscaped(sb, t.Deprel);
            sb.Append('\t').Append(t.SpaceAfter ? '1' : '0');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    public static void Decode(string docText, Sentence s, string packed)
    {
        var span = packed.AsSpan();
        int index = 0;
        while (span.Length > 0)
        {
            int nl = span.IndexOf('\n');
            var line = nl < 0 ? span : span[..nl];
            span = nl < 0 ? default : span[(nl + 1)..];
            if (line.IsEmpty) continue;
            var t = new Token { Index = index++ };
            int field = 0;
            while (true)
            {
                int tab = line.IndexOf('\t');
                var f = tab < 0 ? line : line[..tab];
                switch (field)
                {
                    case 0: t.Start = s.Start + int.Parse(f, CultureInfo.InvariantCulture); break;
                    case 1: t.End = t.Start + int.Parse(f, CultureInfo.InvariantCulture); break;
                    case 2:
                        if (f.IsEmpty) t.Text = docText.Substring(t.Start, t.End - t.Start);
                        else t.Text = f.SequenceEqual("\\0") ? "" : Unescape(f);
                        break;
                    case 3: t.Lemma = Unescape(f); break;
                    case 4: t.Upos = Unescape(f); break;
                    case 5: t.Xpos = Unescape(f); break;
                    case 6: t.Feats = Unescape(f); break;
                    case 7: t.Head = int.Parse(f, CultureInfo.InvariantCulture); break;
                    case 8: t.Deprel = Unescape(f); break;
                    case 9: t.SpaceAfter = f.Length > 0 && f[0] == '1'; break;
                }
                field++;
                if (tab < 0) break;
                line = line[(tab + 1)..];
            }
            s.Tokens.Add(t);
        }
    }

    private static void AppendEscaped(StringBuilder sb, string v, bool raw = false)
    {
        if (raw || v.AsSpan().IndexOfAny('\\', '\t', '\n') < 0 && v.IndexOf('\r') < 0) { sb.Append(v); return; }
        foreach (char c in v)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '\t': sb.Append("\\t"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                default: sb.Append(c); break;
            }
        }
    }

    private static string Unescape(ReadOnlySpan<char> f)
    {
        if (f.IndexOf('\\') < 0) return f.Length == 1 && f[0] == '_' ? "_" : f.ToString();
        var sb = new StringBuilder(f.Length);
        for (int i = 0; i < f.Length; i++)
        {
            char c = f[i];
            if (c == '\\' && i + 1 < f.Length)
            {
                char n = f[++i];
                sb.Append(n switch { 't' => '\t', 'n' => '\n', 'r' => '\r', _ => n });
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
