using System.Globalization;
using System.Text;
using Dyad.Outputs.Graph;

namespace Dyad.Outputs.Exports;

/// <summary>Graphviz DOT: a digraph; edge colour by type family, style by dominant claim status.</summary>
public static class DotExporter
{
    public static void Write(ActorGraph g, TextWriter w)
    {
        w.WriteLine("digraph dyad {");
        w.WriteLine("  graph [overlap=false, splines=true];");
        w.WriteLine("  node [shape=ellipse, fontname=\"Helvetica\"];");
        foreach (var n in g.Nodes)
            w.WriteLine($"  {Quote(n.Key)} [label={Quote(n.Label)}{(n.Unresolved ? ", style=dashed" : "")}];");
        foreach (var e in g.Edges)
        {
            string colour = e.Family switch { TypeFamily.MaterialConflict => "#c0392b", TypeFamily.VerbalConflict => "#d68910", _ => "#2874a6" };
            string style = Style(e.DominantStatus);
            w.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Quote(e.Source.Key)} -> {Quote(e.Target.Key)} [label={Quote(e.Type + " ×" + e.Count)}, color=\"{colour}\", style={style}, weight={e.Count}, id={Quote(e.Id)}];"));
        }
        w.WriteLine("}");
    }

    public static string Style(string status) => status switch
    {
        "asserted" => "solid",
        "reported" or "alleged" => "dashed",
        "hedged" or "future" or "hypothetical" or "question" => "dotted",
        _ => "bold", // negated, denied
    };

    /// <summary>A DOT double-quoted ID: backslash and quote escaped, line breaks as \n.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (char c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }
}
