using System.Text.Json;
using Dyad.Model;

namespace Dyad.Outputs.Exports;

/// <summary>
/// `--format plover`: PLOVER-style JSON lines — id, date, actor, recipient, event, mode, context,
/// text_info, cite_info — plus Dyad's <c>claim</c> object (status, claimant chain, cues) and the CAMEO code.
/// </summary>
public static class PloverExporter
{
    public static int Write(IEnumerable<EventRecord> events, TextWriter w)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var jw = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EventRecord.Json.Encoder });
        int n = 0;
        foreach (var e in events)
        {
            buffer.ResetWrittenCount();
            jw.Reset(buffer);
            WriteOne(jw, e);
            jw.Flush();
            w.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            w.Write('\n');
            n++;
        }
        return n;
    }

    public static void WriteOne(Utf8JsonWriter jw, EventRecord e)
    {
        jw.WriteStartObject();
        jw.WriteString("id", e.Id);
        jw.WriteString("date", e.Date ?? EventFilters.EffectiveDate(e));
        jw.WriteString("date_precision", e.DatePrecision);
        WriteActor(jw, "actor", e.Source);
        WriteActor(jw, "recipient", e.Target);
        jw.WriteString("event", e.Event.Type);
        jw.WriteString("mode", e.Event.Mode);
        jw.WriteStartArray("context"); jw.WriteEndArray();
        jw.WriteString("cameo", e.Event.Cameo);
        jw.WriteStartObject("text_info");
        jw.WriteString("sentence", e.Sentence.Text);
        jw.WriteString("text", EventPhrase(e));
        jw.WriteString("trigger", e.Event.Trigger.Text);
        jw.WriteString("language", e.Segment.Language);
        jw.WriteString("segment_kind", e.Segment.Kind);
        jw.WriteString("segment_author", e.Segment.Author);
        jw.WriteEndObject();
        jw.WriteStartObject("cite_info");
        jw.WriteString("document_id", e.Document.Id);
        jw.WriteString("uri", e.Document.Uri);
        jw.WriteString("title", e.Document.Title);
        jw.WriteString("published", e.Document.Published);
        jw.WriteEndObject();
        jw.WritePropertyName("claim");
        JsonSerializer.Serialize(jw, e.Claim, EventRecord.Json);
        jw.WriteString("parent", e.Parent);
        jw.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter jw, string name, ActorInfo? a)
    {
        if (a is null) { jw.WriteNull(name); return; }
        jw.WriteStartObject(name);
        jw.WriteString("name", a.Name ?? a.Text);
        jw.WriteString("code", a.Code);
        jw.WriteString("country", a.Country);
        jw.WriteString("sector", a.Sector);
        jw.WriteString("wikidata", a.Wikidata);
        jw.WriteString("text", a.Text);
        jw.WriteEndObject();
    }

    /// <summary>The stretch of the sentence from the first to the last of source, trigger and target.</summary>
    public static string EventPhrase(EventRecord e)
    {
        int s0 = e.Sentence.Start, len = e.Sentence.Text.Length;
        int lo = e.Event.Trigger.Start, hi = e.Event.Trigger.End;
        foreach (var a in new[] { e.Source, e.Target })
            if (a != null && a.Start >= s0 && a.End <= s0 + len && a.End > a.Start) { lo = Math.Min(lo, a.Start); hi = Math.Max(hi, a.End); }
        lo -= s0; hi -= s0;
        if (lo < 0 || hi > len || lo >= hi) return e.Event.Trigger.Text;
        return e.Sentence.Text[lo..hi];
    }
}
