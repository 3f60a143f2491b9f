using Dyad.Corpus;
using Dyad.Outputs;

namespace Dyad.Cli.Commands;

/// <summary>dyad actors: who appears, how often, as source/target/claimant; --unresolved: names to add to a dictionary.</summary>
public static class ActorsCommand
{
    public const string Usage =
        """
        usage: dyad actors [--db FILE] [--unresolved] [--format table|jsonl|csv] [--limit N]
          --db FILE        corpus database (default ./dyad.db)
          --unresolved     list mentions no dictionary resolved, grouped by normalised text, most frequent
                           first, with a sample document: the to-do list for your --dict file
          --format F       table (default), jsonl or csv
          --limit N        at most N rows
        """;

    public static int Run(string[] args)
    {
        using var w = OutputArgs.Stdout();
        return Run(args, w, OutputArgs.OpenStore);
    }

    public static int Run(string[] args, TextWriter w, Func<string, ICorpusStore> open)
        => OutputArgs.Guard("actors", () => RunCore(args, w, open));

    private static int RunCore(string[] args, TextWriter w, Func<string, ICorpusStore> open)
    {
        var a = CliArgs.Parse("actors", args, ["db", "format", "limit"], ["unresolved"]);
        if (a.Help) { w.Write(Usage); return 0; }
        if (a.Positionals.Count > 0) throw new UsageException($"dyad actors: unexpected argument '{a.Positionals[0]}' (see dyad actors --help)");
        string format = a.Choice("actors", "format", "table", "table", "jsonl", "csv");
        int limit = a.GetInt("actors", "limit", int.MaxValue);
        using var store = OutputArgs.Open("actors", a, open);
        if (a.Has("unresolved"))
        {
            var rows = ActorSummary.Unresolved(store.Mentions(), store.FindDocument).Take(limit);
            switch (format)
            {
                case "jsonl": ActorSummary.WriteUnresolvedJsonl(rows, w); break;
                case "csv": ActorSummary.WriteUnresolvedCsv(rows, w); break;
                default: ActorSummary.WriteUnresolvedTable(rows, w); break;
            }
            return 0;
        }
        var actors = ActorSummary.Build(store.Events(new EventFilter()), store.Mentions()).Take(limit);
        switch (format)
        {
            case "jsonl": ActorSummary.WriteJsonl(actors, w); break;
            case "csv": ActorSummary.WriteCsv(actors, w); break;
            default: ActorSummary.WriteTable(actors, w); break;
        }
        return 0;
    }
}
