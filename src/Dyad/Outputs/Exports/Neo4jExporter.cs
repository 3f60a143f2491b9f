using System.Globalization;
using Dyad.Outputs.Graph;

namespace Dyad.Outputs.Exports;

/// <summary>
/// neo4j-admin database import CSVs: nodes.csv (actorId:ID,name,code,country,sector,:LABEL) and
/// relationships.csv (:START_ID,:END_ID,:TYPE,count:int,&lt;status&gt;:int…,first_date,last_date,event_ids:string[]),
/// arrays joined with ';' (neo4j-admin's default array delimiter). Labels: Actor, plus Unresolved.
/// Import: neo4j-admin database import full --nodes=nodes.csv --relationships=relationships.csv
/// </summary>
public static class Neo4jExporter
{
    public static readonly string[] NodeHeader = ["actorId:ID", "name", "code", "country", "sector", "wikidata", "degree:int", ":LABEL"];

    public static string[] RelationshipHeader()
    {
        var h = new List<string> { ":START_ID", ":END_ID", ":TYPE", "count:int" };
        foreach (var s in EventTypes.Statuses) h.Add(s + ":int");
        h.AddRange(["family", "first_date", "last_date", "event_ids:string[]"]);
        return h.ToArray();
    }

    public static void WriteNodes(ActorGraph g, TextWriter w)
    {
        Csv.WriteRow(w, NodeHeader);
        foreach (var n in g.Nodes)
            Csv.WriteRow(w, n.Key, n.Label, n.Code, n.Country, n.Sector, n.Wikidata, Num(n.Degree), n.Unresolved ? "Actor;Unresolved" : "Actor");
    }

    public static void WriteRelationships(ActorGraph g, TextWriter w)
    {
        var header = RelationshipHeader();
        Csv.WriteRow(w, header);
        var row = new string?[header.Length];
        foreach (var e in g.Edges)
        {
            int i = 0;
            row[i++] = e.Source.Key; row[i++] = e.Target.Key; row[i++] = e.Type; row[i++] = Num(e.Count);
            foreach (int c in e.StatusCounts) row[i++] = Num(c);
            row[i++] = EventTypes.FamilyName(e.Family); row[i++] = e.FirstDate; row[i++] = e.LastDate;
            row[i++] = string.Join(';', e.EventIds);
            Csv.WriteRow(w, row);
        }
    }

    /// <summary>Writes DIR/nodes.csv and DIR/relationships.csv.</summary>
    public static void WriteDirectory(ActorGraph g, string dir)
    {
        Directory.CreateDirectory(dir);
        using (var w = new StreamWriter(Path.Combine(dir, "nodes.csv"), false, new System.Text.UTF8Encoding(false))) WriteNodes(g, w);
        using (var w = new StreamWriter(Path.Combine(dir, "relationships.csv"), false, new System.Text.UTF8Encoding(false))) WriteRelationships(g, w);
    }

    private static string Num(int n) => n.ToString(CultureInfo.InvariantCulture);
}
