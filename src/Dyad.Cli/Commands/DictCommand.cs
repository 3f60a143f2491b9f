using System.Globalization;
using Dyad.Actors;
using Dyad.Model;

namespace Dyad.Cli.Commands;

public static class DictCommand
{
    private const string Help = """
        usage: dyad dict validate [FILE...]
               dyad dict show ID [--dict FILE]...
               dyad dict match TEXT [--lang en|nl] [--date yyyy-MM-dd] [--dict FILE]...
               dyad dict import-petrarch FILE... --out DIR
               dyad dict eval --gold FILE --format conflibert|plover [--split all|dev|test] [--dict FILE]... [--errors N]

        Actor dictionaries (format: docs/DICTIONARIES.md).

          validate          check FILEs (with the built-ins, so duplicate ids and alias conflicts are found);
                            without FILE, check the built-in dictionaries. Prints "file:line: message";
                            exit 0 when there are no errors (warnings allowed), 1 otherwise
          show ID           print the entry (or agent) with that id, after merging the --dict files
          match TEXT        recognise actor mentions in TEXT and print them (one line each)
          import-petrarch   convert PETRARCH/TABARI actor and agent dictionaries (e.g. Phoenix.*.txt) to
                            Dyad YAML files in DIR (phoenix-*.yaml) and report what could not be converted
          eval              score actor recognition on a gold set: conflibert = ../shared/gold/conflibert_cameo
                            cameo_ner_*.txt (share of gold source/target spans overlapping a mention, and
                            resolved to a code); plover = ../shared/gold/plover_gsr/PLOVER_GSR_CAMEO.json
                            (share of records whose marked source/target gets the gold country + sector)
          --dict FILE       extra dictionary (repeatable): same id overrides a built-in, new ids extend
          --errors N        with eval: print up to N misses to stderr
          --split S         with eval --format plover: all (default), dev (odd records) or test (even records)
        """;

    public static int Run(string[] args)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help") { Console.Out.Write(Help); return args.Length == 0 ? 1 : 0; }
        string sub = args[0];
        var rest = args[1..];
        return sub switch
        {
            "validate" => Validate(rest),
            "show" => Show(rest),
            "match" => Match(rest),
            "import-petrarch" => Import(rest),
            "eval" => Eval(rest),
            _ => throw new UsageException($"dyad dict: unknown subcommand '{sub}' (validate, show, match, import-petrarch, eval)"),
        };
    }

    private static void CheckFiles(IEnumerable<string> files)
    {
        foreach (var f in files)
            if (!File.Exists(f)) throw new UsageException($"dyad dict: {f}: no such file");
    }

    private static int Validate(string[] args)
    {
        var a = CliArgs.Parse("dict validate", args, [], ["no-builtins"]);
        if (a.Help) { Console.Out.Write(Help); return 0; }
        CheckFiles(a.Positionals);
        var user = a.Positionals.Select(DictionaryLoader.LoadFile).ToList();
        var lex = ActorLexicon.Build(a.Has("no-builtins") ? [] : ActorLexicon.BuiltinFiles, user);
        bool builtinsOnly = a.Positionals.Count == 0;
        int errors = 0, warnings = 0;
        foreach (var d in lex.Diagnostics)
        {
            bool mine = builtinsOnly || !d.File.StartsWith("builtin:", StringComparison.Ordinal);
            if (!mine) continue;
            Console.Out.WriteLine(d.ToString());
            if (d.Severity == DictSeverity.Error) errors++; else warnings++;
        }
        int entries = builtinsOnly ? lex.Entries.Count : user.Sum(f => f.Entries.Count);
        int agents = builtinsOnly ? lex.Agents.Count : user.Sum(f => f.Agents.Count);
        foreach (var f in user.Where(f => !f.IsActorFile)) Console.Out.WriteLine($"{f.Name}: not an actor dictionary (no entries with ids); skipped");
        Console.Error.WriteLine($"dyad dict validate: {entries} entries, {agents} agents, {errors} error{(errors == 1 ? "" : "s")}, {warnings} warning{(warnings == 1 ? "" : "s")}"
            + (lex.Overridden.Count > 0 ? $", {lex.Overridden.Count} built-in entr{(lex.Overridden.Count == 1 ? "y" : "ies")} overridden" : ""));
        return errors > 0 ? 1 : 0;
    }

    private static ActorLexicon LexiconFor(CliArgs a)
    {
        var files = a.GetAll("dict");
        CheckFiles(files);
        return ActorLexicon.For(files);
    }

    private static int Show(string[] args)
    {
        var a = CliArgs.Parse("dict show", args, ["dict"]);
        if (a.Help) { Console.Out.Write(Help); return 0; }
        if (a.Positionals.Count != 1) throw new UsageException("dyad dict show: expected one ID (see dyad dict --help)");
        var lex = LexiconFor(a);
        string id = a.Positionals[0];
        var w = Console.Out;
        if (lex.Entries.TryGetValue(id, out var e) || (e = lex.Entries.Values.FirstOrDefault(x => string.Equals(x.Id, id, StringComparison.OrdinalIgnoreCase))) != null)
        {
            w.WriteLine($"# {e.File}:{e.Line}");
            w.WriteLine($"- id: {e.Id}");
            w.WriteLine($"  kind: {ActorEntry.KindName(e.Kind)}");
            w.WriteLine($"  code: {e.Code}");
            if (e.Wikidata != null) w.WriteLine($"  wikidata: {e.Wikidata}");
            w.WriteLine($"  name: {e.Name}");
            if (e.Country != null && e.Kind != ActorKind.Country) w.WriteLine($"  country: {e.Country}");
            if (e.Sector != null) w.WriteLine($"  sector: {e.Sector}");
            WriteNames(w, "names", e.Names);
            WriteNames(w, "adjectives", e.Adjectives);
            if (e.Metonyms.Count > 0)
            {
                w.WriteLine("  metonyms:");
                foreach (var m in e.Metonyms) w.WriteLine($"    - {{ name: {m.Name}, sector: {m.Sector}{(m.Lang != null ? ", lang: " + m.Lang : "")} }}");
            }
            if (e.Roles.Count > 0)
            {
                w.WriteLine("  roles:");
                foreach (var r in e.Roles)
                    w.WriteLine($"    - {{ {(r.Title != null ? "title: " + r.Title + ", " : "")}code: {r.EffectiveCode(e.Country)}, from: {D(r.From)}, to: {D(r.To)} }}");
            }
            if (e.Gender != null) w.WriteLine($"  gender: {e.Gender}");
            if (e.Note != null) w.WriteLine($"  note: {e.Note}");
            return 0;
        }
        if (lex.Agents.TryGetValue(id, out var ag))
        {
            w.WriteLine($"# {ag.File}:{ag.Line}");
            w.WriteLine($"- id: {ag.Id}   # agent");
            w.WriteLine($"  sector: {ag.Sector}");
            WriteNames(w, "names", ag.Names);
            return 0;
        }
        Console.Error.WriteLine($"dyad dict show: no entry or agent with id '{id}'");
        return 1;
    }

    private static string D(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "null";

    private static void WriteNames(TextWriter w, string key, List<NameForm> names)
    {
        if (names.Count == 0) return;
        w.WriteLine($"  {key}:");
        foreach (var g in names.GroupBy(n => n.Lang ?? "all"))
            w.WriteLine($"    {g.Key}: [{string.Join(", ", g.Select(n => n.Text))}]");
    }

    private static int Match(string[] args)
    {
        var a = CliArgs.Parse("dict match", args, ["dict", "lang", "date"]);
        if (a.Help) { Console.Out.Write(Help); return 0; }
        if (a.Positionals.Count == 0) throw new UsageException("dyad dict match: expected TEXT");
        string lang = a.Choice("dict match", "lang", "en", "en", "nl");
        DateOnly? date = null;
        if (a.Get("date") is { } ds)
        {
            date = DictDates.FromIso(ds) ?? throw new UsageException($"dyad dict match: --date expects yyyy-MM-dd, got '{ds}'");
        }
        var stage = new ActorStage(LexiconFor(a));
        var sents = ActorEvaluation.Run(stage, string.Join(' ', a.Positionals), lang, date, out bool parsed);
        if (!parsed) Console.Error.WriteLine($"dyad dict match: warning: no syntax model for '{lang}'; matching on tokens only");
        foreach (var s in sents)
            foreach (var m in s.Mentions)
            {
                var r = m.Actor;
                string ante = m.Antecedent != null ? $" → [{m.Antecedent.Text}]" : "";
                Console.Out.WriteLine($"{m.Start,4}-{m.End,-4} {m.Kind,-11} {r?.Code ?? "(unresolved)",-12} {m.Text}{ante}"
                    + (r?.Ally != null ? $"  ally={r.Ally}" : "") + (r?.Person != null ? $"  person={r.Person}" : "") + (r?.EntryId != null ? $"  [{r.EntryId}]" : ""));
            }
        return 0;
    }

    private static int Import(string[] args)
    {
        var a = CliArgs.Parse("dict import-petrarch", args, ["out"]);
        if (a.Help) { Console.Out.Write(Help); return 0; }
        if (a.Positionals.Count == 0) throw new UsageException("dyad dict import-petrarch: expected FILE... (PETRARCH actor/agent dictionaries)");
        string outDir = a.Get("out") ?? throw new UsageException("dyad dict import-petrarch: --out DIR is required");
        CheckFiles(a.Positionals);
        int total = 0;
        foreach (var f in a.Positionals)
        {
            PetrarchImporter.Report rep;
            try { rep = PetrarchImporter.Convert(f, outDir); }
            catch (IOException e) { Console.Error.WriteLine($"dyad dict import-petrarch: {f}: {e.Message}"); total++; continue; }
            if (rep.OutFile.Length == 0) { Console.Out.WriteLine($"{f}: not converted: {string.Join("; ", rep.Problems.Keys)}"); total++; continue; }
            Console.Out.WriteLine($"{f} → {rep.OutFile}: {rep.Entries} entries ({rep.Names} names, {rep.Roles} dated roles), {rep.Agents} agents ({rep.AgentNames} nouns)"
                + (rep.SimplifiedSectors > 0 ? $", {rep.SimplifiedSectors} sub-sector codes reduced to their first sector" : "")
                + $"; not converted: {rep.Unconverted}");
            foreach (var (kind, n) in rep.Problems.OrderByDescending(kv => kv.Value))
            {
                Console.Out.WriteLine($"  {n,6} {kind}");
                foreach (var ex in rep.Examples[kind]) Console.Out.WriteLine($"         e.g. {ex}");
            }
            total += rep.Unconverted;
        }
        return 0;
    }

    private static int Eval(string[] args)
    {
        var a = CliArgs.Parse("dict eval", args, ["gold", "format", "dict", "errors", "split"]);
        if (a.Help) { Console.Out.Write(Help); return 0; }
        string gold = a.Get("gold") ?? throw new UsageException("dyad dict eval: --gold FILE is required");
        if (!File.Exists(gold)) throw new UsageException($"dyad dict eval: {gold}: no such file");
        string fmt = a.Choice("dict eval", "format", "conflibert", "conflibert", "plover");
        int maxErr = a.GetInt("dict eval", "errors", 0);
        string split = a.Choice("dict eval", "split", "all", "all", "dev", "test");
        if (split != "all" && fmt != "plover") throw new UsageException("dyad dict eval: --split applies to --format plover (ConfliBERT has its own train/test files)");
        var stage = new ActorStage(LexiconFor(a));
        var sw = System.Diagnostics.Stopwatch.StartNew();
        ActorEvaluation.Result r;
        try
        {
            r = fmt == "conflibert" ? ActorEvaluation.ConfliBert(gold, stage, maxErr) : ActorEvaluation.Plover(gold, stage, maxErr, split);
        }
        catch (System.Text.Json.JsonException e) { throw new UsageException($"dyad dict eval: {gold}: not valid JSON: {e.Message}"); }
        sw.Stop();
        string F(int x, int y) => $"{x}/{y} = {ActorEvaluation.Format(ActorEvaluation.Result.Pct(x, y))}%";
        Console.Out.WriteLine($"# {gold} ({fmt}{(split != "all" ? ", " + split + " split" : "")}), syntax model: {(r.Parsed ? "yes" : "no")}, {sw.ElapsedMilliseconds} ms");
        if (fmt == "conflibert")
        {
            Console.Out.WriteLine($"sentences           {r.Sentences}");
            Console.Out.WriteLine($"gold spans          {r.Spans}");
            Console.Out.WriteLine($"overlap a mention   {F(r.Overlap, r.Spans)}");
            Console.Out.WriteLine($"  resolved (code)   {F(r.OverlapResolved, r.Overlap)} of overlapping; {F(r.OverlapResolved, r.Spans)} of all spans");
        }
        else
        {
            Console.Out.WriteLine($"records             {r.Records}");
            Console.Out.WriteLine($"source correct      {F(r.SourceCorrect, r.SourceRecords)} (records: every gold source actor has the gold country + sector)");
            Console.Out.WriteLine($"target correct      {F(r.TargetCorrect, r.TargetRecords)}");
            Console.Out.WriteLine($"actors correct      {F(r.ActorsCorrect, r.Actors)} (gold actor text not found in sentence: {r.NotFound})");
            Console.Out.WriteLine($"  country only      {F(r.ActorsCountryCorrect, r.Actors)} (sector ignored)");
        }
        foreach (var e in r.Errors) Console.Error.WriteLine(e);
        return 0;
    }
}
