using System.Text.Json;
using Dyad.Model;
using Dyad.Outputs.Graph;

namespace Dyad.Outputs.Exports;

/// <summary>Cytoscape.js elements JSON: {"elements":{"nodes":[{"data":{id,…}}],"edges":[{"data":{id,source,target,…}}]}}.</summary>
public static class CytoscapeExporter
{
    public static void Write(ActorGraph g, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = EventRecord.Json.Encoder, Indented = false });
        w.WriteStartObject();
        w.WriteStartObject("elements");
        w.WriteStartArray("nodes");
        foreach (var n in g.Nodes)
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("id", n.Key); w.WriteString("label", n.Label); w.WriteString("code", n.Code);
            w.WriteString("country", n.Country); w.WriteString("sector", n.Sector); w.WriteString("wikidata", n.Wikidata);
            w.WriteBoolean("unresolved", n.Unresolved); w.WriteNumber("degree", n.Degree);
            w.WriteEndObject();
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteEndArray();
        w.WriteStartArray("edges");
        foreach (var e in g.Edges)
        {
            w.WriteStartObject();
            w.WriteStartObject("data");
            w.WriteString("id", e.Id); w.WriteString("source", e.Source.Key); w.WriteString("target", e.Target.Key);
            w.WriteString("type", e.Type); w.WriteString("family", EventTypes.FamilyName(e.Family)); w.WriteNumber("count", e.Count);
            for (int i = 0; i < EventTypes.Statuses.Length; i++) w.WriteNumber(EventTypes.Statuses[i], e.StatusCounts[i]);
            w.WriteString("first_date", e.FirstDate); w.WriteString("last_date", e.LastDate);
            w.WriteStartArray("event_ids");
            foreach (var id in e.EventIds) w.WriteStringValue(id);
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.Flush();
    }
}
