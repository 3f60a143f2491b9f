using System.Text.Json;
using Dyad.Corpus.Merging;
using Dyad.Model;

namespace Dyad.Outputs.Exports;

/// <summary>`--format jsonl`: the SPEC event record, one per line, exactly <see cref="EventRecord.ToJson"/>.</summary>
public static class JsonlExporter
{
    public static int Write(IEnumerable<EventRecord> events, TextWriter w)
    {
        int n = 0;
        foreach (var e in events) { w.Write(e.ToJson()); w.Write('\n'); n++; }
        return n;
    }

    /// <summary>Merged events: one object per line with the merge summary and every mention's event id.</summary>
    public static int Write(IEnumerable<MergedEvent> merged, TextWriter w)
    {
        int n = 0;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using var jw = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = EventRecord.Json.Encoder });
        foreach (var m in merged)
        {
            buffer.ResetWrittenCount();
            jw.Reset(buffer);
            WriteMerged(jw, m);
            jw.Flush();
            w.Write(System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
            w.Write('\n');
            n++;
        }
        return n;
    }

    public static void WriteMerged(Utf8JsonWriter jw, MergedEvent m)
    {
        var r = m.Representative;
        jw.WriteStartObject();
        jw.WriteString("id", m.Id);
        jw.WriteString("type", m.Type);
        jw.WriteString("mode", m.Mode);
        jw.WriteString("cameo", r.Event.Cameo);
        jw.WriteString("first_date", m.FirstDate);
        jw.WriteString("last_date", m.LastDate);
        jw.WritePropertyName("source"); JsonSerializer.Serialize(jw, r.Source, EventRecord.Json);
        jw.WritePropertyName("target"); JsonSerializer.Serialize(jw, r.Target, EventRecord.Json);
        jw.WriteString("status", m.Status);
        jw.WriteBoolean("contested", m.Contested);
        jw.WriteNumber("mentions", m.Mentions.Count);
        jw.WriteNumber("documents", m.Documents);
        jw.WriteNumber("pages", m.Pages);
        jw.WriteNumber("claimants", m.Claimants);
        jw.WriteStartObject("status_counts");
        foreach (var kv in m.StatusCounts) jw.WriteNumber(kv.Key, kv.Value);
        jw.WriteEndObject();
        jw.WriteStartArray("claimant_statuses");
        foreach (var c in m.ClaimantStatuses)
        {
            jw.WriteStartObject();
            jw.WriteString("key", c.Key); jw.WriteString("label", c.Label); jw.WriteString("status", c.Status); jw.WriteNumber("mentions", c.Mentions);
            jw.WriteEndObject();
        }
        jw.WriteEndArray();
        jw.WriteStartArray("event_ids");
        foreach (var e in m.Mentions) jw.WriteStringValue(e.Id);
        jw.WriteEndArray();
        jw.WriteStartArray("document_ids");
        foreach (var d in m.Mentions.Select(x => x.Document.Id).Distinct()) jw.WriteStringValue(d);
        jw.WriteEndArray();
        jw.WriteEndObject();
    }
}
