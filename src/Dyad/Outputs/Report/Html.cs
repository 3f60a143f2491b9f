using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Dyad.Model;

namespace Dyad.Outputs.Report;

/// <summary>
/// HTML escaping for text that came from web pages (adversarial): the five special characters
/// become entities, control characters and lone surrogates are dropped. The same escaping is
/// used for text content and for (always double-quoted) attribute values.
/// </summary>
public static class Html
{
    public static void Write(TextWriter w, string? s)
    {
        if (string.IsNullOrEmpty(s)) return;
        int start = 0;
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            string? rep = c switch
            {
                '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", '"' => "&quot;", '\'' => "&#39;",
                _ => null,
            };
            bool drop = rep == null && ((c < 0x20 && c is not ('\n' or '\t')) || c == 0x7F
                || (char.IsHighSurrogate(c) && !(i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])))
                || (char.IsLowSurrogate(c) && !(i > 0 && char.IsHighSurrogate(s[i - 1]))));
            if (rep == null && !drop) continue;
            if (i > start) w.Write(s.AsSpan(start, i - start));
            if (rep != null) w.Write(rep);
            start = i + 1;
        }
        if (start < s.Length) w.Write(s.AsSpan(start));
    }

    public static string Escape(string? s)
    {
        var sw = new StringWriter();
        Write(sw, s);
        return sw.ToString();
    }

    /// <summary>
    /// JSON safe to embed in a &lt;script&gt; element: the default encoder escapes &lt; &gt; &amp; ' +
    /// and all non-ASCII (so U+2028/U+2029 too) as \uXXXX; "&lt;/script" can never appear.
    /// </summary>
    public static string ScriptJson<T>(T value)
    {
        var json = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.Default });
        return json.Replace("<", "\\u003C").Replace(">", "\\u003E").Replace("&", "\\u0026")
            .Replace("\u2028", "\\u2028").Replace("\u2029", "\\u2029");
    }

    private const byte None = 0, Claimant = 1, Cue = 2, Target = 3, Source = 4, Trigger = 5;
    private static readonly string[] MarkClass = ["", "clm", "cue", "tgt", "src", "trg"];

    /// <summary>
    /// The sentence with trigger, source, target, cues and claimants in &lt;mark&gt; spans. Offsets are
    /// document offsets; they are made relative to sentence.start, clipped to the sentence, and the
    /// text is split into pieces that are escaped one by one (never escaped-then-sliced).
    /// </summary>
    public static void WriteHighlighted(TextWriter w, EventRecord e)
    {
        string text = e.Sentence.Text;
        var cat = new byte[text.Length];
        int s0 = e.Sentence.Start;
        void Paint(int start, int end, byte c)
        {
            int a = Math.Max(0, start - s0), b = Math.Min(text.Length, end - s0);
            for (int i = a; i < b; i++) cat[i] = c;
        }
        foreach (var c in e.Claim.Claimants) Paint(c.Start, c.End, Claimant);
        foreach (var c in e.Claim.Cues) Paint(c.Start, c.End, Cue);
        foreach (var c in e.Claim.Claimants) if (c.Cue is { } cue) Paint(cue.Start, cue.End, Cue);
        if (e.Target is { } t) Paint(t.Start, t.End, Target);
        if (e.Source is { } s) Paint(s.Start, s.End, Source);
        Paint(e.Event.Trigger.Start, e.Event.Trigger.End, Trigger);
        for (int i = 1; i < text.Length; i++)
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1])) cat[i] = cat[i - 1]; // never split a pair
        int runStart = 0;
        for (int i = 1; i <= text.Length; i++)
        {
            if (i < text.Length && cat[i] == cat[runStart]) continue;
            string piece = text.Substring(runStart, i - runStart);
            if (cat[runStart] == None) Write(w, piece);
            else
            {
                w.Write("<mark class=\""); w.Write(MarkClass[cat[runStart]]); w.Write("\">");
                Write(w, piece);
                w.Write("</mark>");
            }
            runStart = i;
        }
    }
}
