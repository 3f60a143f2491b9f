using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Dyad.Model;
using Dyad.Outputs.Exports;
using Dyad.Outputs.Graph;
using Xunit;
using static Dyad.Tests.Outputs.Ev;

namespace Dyad.Tests.Outputs;

public class ExportTests
{
    /// <summary>Page text that breaks naive writers: delimiters, quotes, markup, a control character, non-BMP.</summary>
    private static List<EventRecord> Nasty()
    {
        var list = Sample();
        list.Add(Make("e8", Actor("the \"Tab\tand, comma\" group\nof <Idlib>"), "THREATEN", Actor("Ali & Sons\u0001 😀"), title: "Quote \" and ; and\r\nbreak"));
        return list;
    }

    [Fact]
    public void Jsonl_is_exactly_the_event_record_and_round_trips()
    {
        var evs = Nasty();
        var w = new StringWriter();
        Assert.Equal(evs.Count, JsonlExporter.Write(evs, w));
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(evs.Select(e => e.ToJson()), lines);
        var back = EventRecord.FromJson(lines[^1]);
        Assert.Equal(evs[^1].Source!.Text, back.Source!.Text);
        Assert.Equal(evs[^1].Claim.Status, back.Claim.Status);
    }

    [Fact]
    public void Csv_round_trips_every_field_with_rfc4180_quoting()
    {
        var evs = Nasty();
        var w = new StringWriter();
        CsvExporter.Write(evs, w);
        var rows = Csv.Parse(w.ToString());
        Assert.Equal(evs.Count + 1, rows.Count);
        Assert.Equal(CsvExporter.Header, rows[0]);
        Assert.All(rows, r => Assert.Equal(CsvExporter.Header.Length, r.Count));
        var last = rows[^1];
        int Col(string n) => Array.IndexOf(CsvExporter.Header, n);
        Assert.Equal(evs[^1].Source!.Text, last[Col("source_text")]);
        Assert.Equal(evs[^1].Document.Title, last[Col("document_title")]);
        Assert.Equal(evs[^1].Sentence.Text, last[Col("sentence")]);
        var alleged = rows.Single(r => r[0] == "e5");
        Assert.Equal("alleged", alleged[Col("status")]);
        Assert.Equal("Russia", alleged[Col("claimants")]);
    }

    [Fact]
    public void Plover_lines_have_the_plover_fields_and_the_claim()
    {
        var w = new StringWriter();
        PloverExporter.Write(Nasty(), w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, lines.Length);
        using var doc = JsonDocument.Parse(lines[4]); // e5: the U.S. helped the rebels, alleged by Russia
        var r = doc.RootElement;
        foreach (var f in new[] { "id", "date", "actor", "recipient", "event", "mode", "context", "text_info", "cite_info", "claim" })
            Assert.True(r.TryGetProperty(f, out _), f);
        Assert.Equal("AID", r.GetProperty("event").GetString());
        Assert.Equal("USA", r.GetProperty("actor").GetProperty("code").GetString());
        Assert.Equal("United States", r.GetProperty("actor").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, r.GetProperty("recipient").GetProperty("code").ValueKind);
        Assert.Equal("alleged", r.GetProperty("claim").GetProperty("status").GetString());
        Assert.Equal("RUSGOV", r.GetProperty("claim").GetProperty("claimants")[0].GetProperty("code").GetString());
        Assert.Equal("helped", r.GetProperty("text_info").GetProperty("trigger").GetString());
        Assert.Equal("the U.S. helped the Free Hill Brigade", r.GetProperty("text_info").GetProperty("text").GetString());
        Assert.Equal("d1", r.GetProperty("cite_info").GetProperty("document_id").GetString());
    }

    [Fact]
    public void Cameo_lines_follow_petrarchs_column_order()
    {
        var w = new StringWriter();
        CameoExporter.Write(Nasty(), w);
        var lines = w.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(8, lines.Length);
        Assert.All(lines, l => Assert.Equal(9, l.Split('\t').Length));
        var c = lines[3].Split('\t'); // e4
        Assert.Equal(["20171004", "RUSGOV", "USA", "112", "e4;d1", "https://example.org/d1", "the Russian Defense Ministry", "the U.S.", "accused"], c);
        Assert.Equal("---", lines[0].Split('\t')[2]); // unresolved target
    }

    private static ActorGraph Graph() => ActorGraph.From(Nasty());

    [Fact]
    public void Graph_model_has_actor_nodes_and_typed_edges_with_status_counts()
    {
        var g = Graph();
        var edge = Assert.Single(g.Edges, e => e.Source.Key == "SYRMIL" && e.Type == "ASSAULT");
        Assert.Equal("unresolved:free hill brigade", edge.Target.Key);
        Assert.Equal(4, edge.Count);
        Assert.Equal(2, edge.StatusCounts[0]); // asserted
        Assert.Equal(1, edge.StatusCounts[2]); // alleged
        Assert.Equal(1, edge.StatusCounts[5]); // denied
        Assert.Equal("2017-10-04", edge.FirstDate);
        Assert.Equal("2017-11-20", edge.LastDate);
        Assert.Equal(["e1", "e2", "e3", "e6"], edge.EventIds);
    }

    [Fact]
    public void Gexf_is_well_formed_dynamic_with_declared_attributes()
    {
        var w = new StringWriter();
        GexfExporter.Write(Graph(), w);
        var x = XDocument.Parse(w.ToString());
        XNamespace ns = GexfExporter.Ns;
        Assert.Equal(ns + "gexf", x.Root!.Name);
        Assert.Equal("1.3", x.Root.Attribute("version")!.Value);
        var graph = x.Root.Element(ns + "graph")!;
        Assert.Equal("dynamic", graph.Attribute("mode")!.Value);
        Assert.Equal("date", graph.Attribute("timeformat")!.Value);
        Assert.Equal("directed", graph.Attribute("defaultedgetype")!.Value);
        var declared = graph.Elements(ns + "attributes").ToDictionary(a => a.Attribute("class")!.Value,
            a => a.Elements(ns + "attribute").Select(e => e.Attribute("id")!.Value).ToHashSet());
        var nodes = graph.Element(ns + "nodes")!.Elements(ns + "node").ToList();
        var ids = nodes.Select(n => n.Attribute("id")!.Value).ToHashSet();
        Assert.Equal(Graph().Nodes.Count, nodes.Count);
        Assert.Contains("the \"Tab and, comma\" group of <Idlib>", nodes.Select(n => n.Attribute("label")!.Value));
        foreach (var n in nodes)
            Assert.All(n.Element(ns + "attvalues")!.Elements(ns + "attvalue"), v => Assert.Contains(v.Attribute("for")!.Value, declared["node"]));
        var edges = graph.Element(ns + "edges")!.Elements(ns + "edge").ToList();
        Assert.Equal(Graph().Edges.Count, edges.Count);
        foreach (var e in edges)
        {
            Assert.Contains(e.Attribute("source")!.Value, ids);
            Assert.Contains(e.Attribute("target")!.Value, ids);
            Assert.All(e.Element(ns + "attvalues")!.Elements(ns + "attvalue"), v => Assert.Contains(v.Attribute("for")!.Value, declared["edge"]));
        }
        var strike = edges.Single(e => e.Attribute("source")!.Value == "SYRMIL" && e.Attribute("label")!.Value == "ASSAULT");
        Assert.Equal("2017-10-04", strike.Attribute("start")!.Value);
        Assert.Equal("2017-11-20", strike.Attribute("end")!.Value);
        Assert.Equal("4", strike.Attribute("weight")!.Value);
    }

    [Fact]
    public void Graphml_declares_a_key_for_every_data_element()
    {
        var w = new StringWriter();
        GraphmlExporter.Write(Graph(), w);
        var x = XDocument.Parse(w.ToString());
        XNamespace ns = GraphmlExporter.Ns;
        Assert.Equal(ns + "graphml", x.Root!.Name);
        var keys = x.Root.Elements(ns + "key").ToDictionary(k => k.Attribute("id")!.Value, k => k.Attribute("for")!.Value);
        Assert.All(x.Root.Elements(ns + "key"), k => Assert.NotNull(k.Attribute("attr.name")));
        var graph = x.Root.Element(ns + "graph")!;
        Assert.Equal("directed", graph.Attribute("edgedefault")!.Value);
        foreach (var el in graph.Elements())
            foreach (var d in el.Elements(ns + "data"))
                Assert.Equal(el.Name.LocalName, keys[d.Attribute("key")!.Value]);
        var ids = graph.Elements(ns + "node").Select(n => n.Attribute("id")!.Value).ToHashSet();
        Assert.All(graph.Elements(ns + "edge"), e => Assert.Contains(e.Attribute("target")!.Value, ids));
        Assert.Contains(graph.Elements(ns + "edge"), e => e.Elements(ns + "data").Any(d => d.Attribute("key")!.Value == "e_event_ids" && d.Value == "e1 e2 e3 e6"));
    }

    [Fact]
    public void Cytoscape_json_has_elements_nodes_and_edges_with_data()
    {
        var ms = new MemoryStream();
        CytoscapeExporter.Write(Graph(), ms);
        using var doc = JsonDocument.Parse(ms.ToArray());
        var el = doc.RootElement.GetProperty("elements");
        var ids = el.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("data").GetProperty("id").GetString()).ToHashSet();
        Assert.Contains("RUSGOV", ids);
        Assert.Contains("unresolved:free hill brigade", ids);
        foreach (var e in el.GetProperty("edges").EnumerateArray())
        {
            var d = e.GetProperty("data");
            Assert.StartsWith("e", d.GetProperty("id").GetString());
            Assert.Contains(d.GetProperty("source").GetString(), ids);
            Assert.Contains(d.GetProperty("target").GetString(), ids);
            Assert.True(d.GetProperty("count").GetInt32() >= 1);
            Assert.Equal(d.GetProperty("count").GetInt32(), d.GetProperty("event_ids").GetArrayLength());
        }
    }

    [Fact]
    public void Neo4j_csvs_have_typed_headers_and_ids_that_match()
    {
        var g = Graph();
        var nw = new StringWriter(); var rw = new StringWriter();
        Neo4jExporter.WriteNodes(g, nw);
        Neo4jExporter.WriteRelationships(g, rw);
        var nodes = Csv.Parse(nw.ToString());
        var rels = Csv.Parse(rw.ToString());
        Assert.Equal(["actorId:ID", "name", "code", "country", "sector"], nodes[0].Take(5));
        Assert.Equal(":LABEL", nodes[0][^1]);
        Assert.Equal([":START_ID", ":END_ID", ":TYPE", "count:int", "asserted:int"], rels[0].Take(5));
        Assert.Equal("event_ids:string[]", rels[0][^1]);
        Assert.Contains("first_date", rels[0]);
        Assert.Contains("last_date", rels[0]);
        var ids = nodes.Skip(1).Select(r => r[0]).ToHashSet();
        Assert.Equal(g.Nodes.Count, ids.Count);
        Assert.Contains("Actor;Unresolved", nodes.Skip(1).Select(r => r[^1]));
        foreach (var r in rels.Skip(1))
        {
            Assert.Equal(rels[0].Count, r.Count);
            Assert.Contains(r[0], ids); Assert.Contains(r[1], ids);
        }
        var strike = rels.Single(r => r[0] == "SYRMIL" && r[2] == "ASSAULT");
        Assert.Equal("4", strike[3]);
        Assert.Equal("e1;e2;e3;e6", strike[^1]);
    }

    [Fact]
    public void Dot_quotes_names_so_page_text_cannot_break_the_graph()
    {
        var w = new StringWriter();
        DotExporter.Write(Graph(), w);
        var dot = w.ToString();
        Assert.StartsWith("digraph dyad {", dot);
        Assert.EndsWith("}" + Environment.NewLine, dot);
        Assert.Contains("[label=\"the \\\"Tab and, comma\\\" group of <Idlib>\"", dot);
        Assert.Equal("\"a\\\"b\\nc\\\\\"", DotExporter.Quote("a\"b\nc\\"));
        Assert.Contains("\"SYRMIL\" -> \"unresolved:free hill brigade\"", dot);
        // every line but the braces is a statement ending in ';'
        var lines = dot.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[1..^1], l => Assert.EndsWith(";", l));
    }

    [Fact]
    public void Composed_actors_are_labelled_with_their_sector_so_they_differ_from_the_country()
    {
        var g = ActorGraph.From([Make("l1", Syr, "ASSAULT", Rebels), Make("l2", Actor("Damascus", "SYR", "Syria"), "ACCUSE", Usa)]);
        Assert.Equal("Syria MIL", g.FindNode("SYRMIL")!.Label);
        Assert.Equal("Syria", g.FindNode("SYR")!.Label);
        Assert.Equal("United States", g.FindNode("USA")!.Label);
        Assert.Equal("the Free Hill Brigade", g.FindNode("unresolved:free hill brigade")!.Label);
    }

    [Fact]
    public void Exporters_cope_with_many_events_and_stay_linear()
    {
        // not a timing test: checks the exporters cope with volume and stay linear in output size
        var evs = Enumerable.Range(0, 20000).Select(i => Make("x" + i, i % 2 == 0 ? Syr : Rus, i % 3 == 0 ? "ASSAULT" : "ACCUSE", Usa, doc: "d" + (i % 50)));
        var g = ActorGraph.From(evs);
        Assert.Equal(20000, g.Events);
        Assert.Equal(4, g.Edges.Count);
        var sb = new StringBuilder();
        GexfExporter.Write(g, new StringWriter(sb));
        Assert.InRange(sb.Length, 1000, 20000 * 12);
    }
}
