using Dyad.Cli;
using Dyad.Cli.Commands;

return CliMain.Run(args);

namespace Dyad.Cli
{
    public static class CliMain
    {
        /// <summary>Command name → (one-line description, entry point). Each command lives in Commands/NAME.cs.</summary>
        public static readonly (string Name, string Summary, Func<string[], int> Run)[] Commands =
        [
            ("analyze", "read pages into the corpus database", AnalyzeCommand.Run),
            ("events", "list coded events (table, jsonl, csv, plover, cameo)", EventsCommand.Run),
            ("actors", "who appears, how often, as source/target/claimant", ActorsCommand.Run),
            ("graph", "export the actor network (gexf, graphml, cytoscape, neo4j, dot)", GraphCommand.Run),
            ("report", "write a self-contained HTML report", ReportCommand.Run),
            ("show", "show one document: text, segments, events", ShowCommand.Run),
            ("eval", "score events against a gold set", EvalCommand.Run),
            ("parse", "tokenize, tag, lemmatize and parse text to CoNLL-U", ParseCommand.Run),
            ("train", "train a tagger/lemmatizer/parser model from CoNLL-U", TrainCommand.Run),
            ("dict", "validate, show and import actor dictionaries", DictCommand.Run),
        ];

        public static int Run(string[] args)
        {
            if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
            {
                PrintUsage(Console.Out);
                return args.Length == 0 ? 1 : 0;
            }
            if (args[0] is "--version") { Console.WriteLine("dyad " + typeof(CliMain).Assembly.GetName().Version); return 0; }
            var cmd = Commands.FirstOrDefault(c => c.Name == args[0]);
            if (cmd.Run == null)
            {
                Console.Error.WriteLine($"dyad: unknown command '{args[0]}' (see dyad --help)");
                return 1;
            }
            try
            {
                return cmd.Run(args[1..]);
            }
            catch (UsageException e)
            {
                Console.Error.WriteLine(e.Message);
                return 1;
            }
        }

        public static void PrintUsage(TextWriter w)
        {
            w.WriteLine("dyad — who did what to whom, according to whom");
            w.WriteLine();
            w.WriteLine("usage: dyad COMMAND [options]   (dyad COMMAND --help for details)");
            w.WriteLine();
            foreach (var c in Commands) w.WriteLine($"  {c.Name,-9} {c.Summary}");
        }
    }
}
