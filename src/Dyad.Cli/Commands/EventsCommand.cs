using Dyad.Corpus;
using Dyad.Outputs;
using Dyad.Outputs.Exports;

namespace Dyad.Cli.Commands;

/// <summary>dyad events: list coded events with filters, as a table or for pipes (jsonl, csv, plover, cameo).</summary>
public static class EventsCommand
{
    public const string Usage =
        "usage: dyad events [--db FILE] [filters] [--merged] [--format table|jsonl|csv|plover|cameo]\n\n" + OutputArgs.FilterHelp +
        """
          --format F       table (default, 80 columns), jsonl (SPEC event records), csv (one flat row per event),
                           plover (PLOVER JSON lines + claim), cameo (PETRARCH-style TSV)
        examples:
          dyad events --actor RUS --status alleged
          dyad events --type ASSAULT --from 2017-10 --format csv > assaults.csv
        """;

    public static int Run(string[] args)
    {
        using var w = OutputArgs.Stdout();
        return Run(args, w, OutputArgs.OpenStore);
    }

    public static int Run(string[] args, TextWriter w, Func<string, ICorpusStore> open)
        => OutputArgs.Guard("events", () => RunCore(args, w, open));

    private static int RunCore(string[] args, TextWriter w, Func<string, ICorpusStore> open)
    {
        var a = CliArgs.Parse("events", args, [.. OutputArgs.FilterFlags, "format"], ["merged"]);
        if (a.Help) { w.Write(Usage); return 0; }
        if (a.Positionals.Count > 0) throw new UsageException($"dyad events: unexpected argument '{a.Positionals[0]}' (see dyad events --help)");
        string format = a.Choice("events", "format", "table", "table", "jsonl", "csv", "plover", "cameo");
        bool merged = a.Has("merged");
        if (merged && format is "plover" or "cameo")
            throw new UsageException($"dyad events: --merged works with --format table, jsonl or csv, not {format}");
        var filter = OutputArgs.Filter("events", a);
        using var store = OutputArgs.Open("events", a, open);
        if (merged)
        {
            var m = OutputArgs.Merged(store, filter, OutputArgs.Limit("events", a));
            switch (format)
            {
                case "jsonl": JsonlExporter.Write(m, w); break;
                case "csv": CsvExporter.Write(m, w); break;
                default: EventTables.Write(m, w); break;
            }
            return 0;
        }
        var events = store.Events(filter);
        switch (format)
        {
            case "jsonl": JsonlExporter.Write(events, w); break;
            case "csv": CsvExporter.Write(events, w); break;
            case "plover": PloverExporter.Write(events, w); break;
            case "cameo": CameoExporter.Write(events, w); break;
            default: EventTables.Write(events, w); break;
        }
        return 0;
    }
}
