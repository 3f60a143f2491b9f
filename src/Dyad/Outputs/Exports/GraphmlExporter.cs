using System.Globalization;
using System.Xml;
using Dyad.Outputs.Graph;

namespace Dyad.Outputs.Exports;

/// <summary>GraphML (http://graphml.graphdrawing.org/xmlns) with a declared key for every attribute; directed.</summary>
public static class GraphmlExporter
{
    public const string Ns = "http://graphml.graphdrawing.org/xmlns";

    public static void Write(ActorGraph g, TextWriter tw)
    {
        using var w = XmlWriter.Create(tw, new XmlWriterSettings { Indent = true, CheckCharacters = false, CloseOutput = false });
        w.WriteStartDocument();
        w.WriteStartElement("graphml", Ns);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            Ns + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        var nodeKeys = new (string, string)[] { ("label", "string"), ("code", "string"), ("country", "string"), ("sector", "string"),
            ("wikidata", "string"), ("unresolved", "boolean"), ("degree", "int") };
        var edgeKeys = new List<(string, string)> { ("type", "string"), ("family", "string"), ("count", "int") };
        foreach (var s in EventTypes.Statuses) edgeKeys.Add((s, "int"));
        edgeKeys.AddRange([("first_date", "string"), ("last_date", "string"), ("event_ids", "string")]);
        foreach (var (name, type) in nodeKeys) Key(w, "n_" + name, "node", name, type);
        foreach (var (name, type) in edgeKeys) Key(w, "e_" + name, "edge", name, type);

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("id", "dyad");
        w.WriteAttributeString("edgedefault", "directed");
        foreach (var n in g.Nodes)
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", Xml.Safe(n.Key));
            Data(w, "n_label", n.Label); Data(w, "n_code", n.Code); Data(w, "n_country", n.Country); Data(w, "n_sector", n.Sector);
            Data(w, "n_wikidata", n.Wikidata); Data(w, "n_unresolved", n.Unresolved ? "true" : "false"); Data(w, "n_degree", Num(n.Degree));
            w.WriteEndElement();
        }
        foreach (var e in g.Edges)
        {
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", e.Id);
            w.WriteAttributeString("source", Xml.Safe(e.Source.Key));
            w.WriteAttributeString("target", Xml.Safe(e.Target.Key));
            Data(w, "e_type", e.Type); Data(w, "e_family", EventTypes.FamilyName(e.Family)); Data(w, "e_count", Num(e.Count));
            for (int i = 0; i < EventTypes.Statuses.Length; i++) Data(w, "e_" + EventTypes.Statuses[i], Num(e.StatusCounts[i]));
            Data(w, "e_first_date", e.FirstDate); Data(w, "e_last_date", e.LastDate); Data(w, "e_event_ids", string.Join(' ', e.EventIds));
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    private static void Key(XmlWriter w, string id, string forWhat, string name, string type)
    {
        w.WriteStartElement("key", Ns);
        w.WriteAttributeString("id", id);
        w.WriteAttributeString("for", forWhat);
        w.WriteAttributeString("attr.name", name);
        w.WriteAttributeString("attr.type", type);
        w.WriteEndElement();
    }

    private static void Data(XmlWriter w, string key, string? value)
    {
        if (value is null) return;
        w.WriteStartElement("data", Ns);
        w.WriteAttributeString("key", key);
        w.WriteString(Xml.Safe(value));
        w.WriteEndElement();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
