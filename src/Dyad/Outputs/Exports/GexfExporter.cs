using System.Globalization;
using System.Xml;
using Dyad.Outputs.Graph;

namespace Dyad.Outputs.Exports;

/// <summary>
/// GEXF 1.3 (http://gexf.net/1.3) for Gephi: a dynamic, directed graph with timeformat="date";
/// every edge carries start/end (first and last event date) and its attributes are declared.
/// Parallel edges of different PLOVER types between the same actors are told apart by kind.
/// </summary>
public static class GexfExporter
{
    public const string Ns = "http://gexf.net/1.3";

    public static readonly (string Id, string Title, string Type)[] NodeAttributes =
    [
        ("code", "code", "string"), ("country", "country", "string"), ("sector", "sector", "string"),
        ("wikidata", "wikidata", "string"), ("unresolved", "unresolved", "boolean"), ("degree", "degree", "integer"),
    ];

    public static readonly (string Id, string Title, string Type)[] EdgeAttributes = BuildEdgeAttributes();

    private static (string, string, string)[] BuildEdgeAttributes()
    {
        var l = new List<(string, string, string)> { ("type", "type", "string"), ("family", "family", "string"), ("count", "count", "integer") };
        foreach (var s in EventTypes.Statuses) l.Add((s, s, "integer"));
        l.Add(("first_date", "first_date", "string"));
        l.Add(("last_date", "last_date", "string"));
        l.Add(("event_ids", "event_ids", "string"));
        return l.ToArray();
    }

    public static void Write(ActorGraph g, TextWriter tw)
    {
        using var w = XmlWriter.Create(tw, new XmlWriterSettings { Indent = true, CheckCharacters = false, CloseOutput = false });
        w.WriteStartDocument();
        w.WriteStartElement("gexf", Ns);
        w.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        w.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance", Ns + " http://gexf.net/1.3/gexf.xsd");
        w.WriteAttributeString("version", "1.3");
        w.WriteStartElement("meta", Ns);
        w.WriteAttributeString("lastmodifieddate", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        w.WriteElementString("creator", Ns, "Dyad");
        w.WriteElementString("description", Ns, "Actor network: edges are (source, target, PLOVER type) with counts by claim status");
        w.WriteEndElement();

        w.WriteStartElement("graph", Ns);
        w.WriteAttributeString("mode", "dynamic");
        w.WriteAttributeString("defaultedgetype", "directed");
        w.WriteAttributeString("timeformat", "date");
        WriteDeclarations(w, "node", NodeAttributes);
        WriteDeclarations(w, "edge", EdgeAttributes);

        w.WriteStartElement("nodes", Ns);
        foreach (var n in g.Nodes)
        {
            w.WriteStartElement("node", Ns);
            w.WriteAttributeString("id", Xml.Safe(n.Key));
            w.WriteAttributeString("label", Xml.Safe(n.Label));
            w.WriteStartElement("attvalues", Ns);
            Att(w, "code", n.Code); Att(w, "country", n.Country); Att(w, "sector", n.Sector); Att(w, "wikidata", n.Wikidata);
            Att(w, "unresolved", n.Unresolved ? "true" : "false"); Att(w, "degree", Num(n.Degree));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();

        w.WriteStartElement("edges", Ns);
        foreach (var e in g.Edges)
        {
            w.WriteStartElement("edge", Ns);
            w.WriteAttributeString("id", e.Id);
            w.WriteAttributeString("source", Xml.Safe(e.Source.Key));
            w.WriteAttributeString("target", Xml.Safe(e.Target.Key));
            w.WriteAttributeString("kind", e.Type);
            w.WriteAttributeString("label", e.Type);
            w.WriteAttributeString("weight", Num(e.Count));
            if (e.FirstDate is { Length: 10 }) w.WriteAttributeString("start", e.FirstDate);
            if (e.LastDate is { Length: 10 }) w.WriteAttributeString("end", e.LastDate);
            w.WriteStartElement("attvalues", Ns);
            Att(w, "type", e.Type); Att(w, "family", EventTypes.FamilyName(e.Family)); Att(w, "count", Num(e.Count));
            for (int i = 0; i < EventTypes.Statuses.Length; i++) Att(w, EventTypes.Statuses[i], Num(e.StatusCounts[i]));
            Att(w, "first_date", e.FirstDate); Att(w, "last_date", e.LastDate);
            Att(w, "event_ids", string.Join(' ', e.EventIds));
            w.WriteEndElement();
            w.WriteEndElement();
        }
        w.WriteEndElement();
        w.WriteEndElement(); // graph
        w.WriteEndElement(); // gexf
        w.WriteEndDocument();
    }

    private static void WriteDeclarations(XmlWriter w, string cls, (string Id, string Title, string Type)[] attrs)
    {
        w.WriteStartElement("attributes", Ns);
        w.WriteAttributeString("class", cls);
        w.WriteAttributeString("mode", "static");
        foreach (var (id, title, type) in attrs)
        {
            w.WriteStartElement("attribute", Ns);
            w.WriteAttributeString("id", id);
            w.WriteAttributeString("title", title);
            w.WriteAttributeString("type", type);
            w.WriteEndElement();
        }
        w.WriteEndElement();
    }

    private static void Att(XmlWriter w, string id, string? value)
    {
        if (value is null) return;
        w.WriteStartElement("attvalue", Ns);
        w.WriteAttributeString("for", id);
        w.WriteAttributeString("value", Xml.Safe(value));
        w.WriteEndElement();
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>XML 1.0 cannot carry most control characters even escaped: drop them from page text.</summary>
internal static class Xml
{
    public static string Safe(string s)
    {
        foreach (char c in s)
            if (!Ok(c)) return Strip(s);
        return s;
    }

    private static bool Ok(char c) => c >= 0x20 ? c is not ('\uFFFE' or '\uFFFF') : c is '\t' or '\n' or '\r';

    private static string Strip(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); continue; }
            if (char.IsSurrogate(c) || !Ok(c)) continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
