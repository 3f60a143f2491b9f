using System.Globalization;
using System.Text;
using System.Text.Json;
using Dyad.Corpus;
using Dyad.Model;

namespace Dyad.Cli.Commands;

/// <summary>dyad show DOC: one stored document's text, segments or events.</summary>
public static class ShowCommand
{
    private const string Help = """
        usage: dyad show DOC [--db dyad.db] [--text | --segments | --events] [--format table|jsonl]

        Shows one document of the corpus. DOC is its id (or the first 4+ characters of it), its
        path or URI as analysed, or a unique ending of its file name ("003_comments.html").

        (no flag)     a short header (id, uri, title, published, copies, counts) and the segments
        --text        the document text exactly as stored; every offset in Dyad's output
                      (segments, sentences, events) counts UTF-16 code units into this text
        --segments    each segment: kind, language, author, comment number, date, copies, first words
        --events      the events coded in this document
        --format F    table (default) or jsonl: one JSON object per segment (with start/end
                      offsets) or per event (the record `dyad events --format jsonl` prints)

        examples:
          dyad show 003_comments.html --segments
          dyad show 3f2a9c01 --events --format jsonl
          dyad show samples/dutch-blog.txt --text | less
        """;

    public static int Run(string[] args)
    {
        var a = CliArgs.Parse("show", args, ["db", "format"], ["text", "segments", "events"]);
        if (a.Help)
        {
            Console.WriteLine(Help);
            return 0;
        }
        if (a.Positionals.Count != 1)
            throw new UsageException(a.Positionals.Count == 0
                ? "dyad show: give one DOC (an id, path, URI or file name); see dyad show --help"
                : $"dyad show: give one DOC, got {a.Positionals.Count}: {string.Join(" ", a.Positionals)}");
        int views = (a.Has("text") ? 1 : 0) + (a.Has("segments") ? 1 : 0) + (a.Has("events") ? 1 : 0);
        if (views > 1) throw new UsageException("dyad show: choose one of --text, --segments, --events");
        string format = a.Choice("show", "format", "table", "table", "jsonl");
        if (a.Has("text") && a.Get("format") != null) throw new UsageException("dyad show: --format applies to --segments and --events, not --text");
        string db = a.Get("db", "dyad.db");
        string key = a.Positionals[0];

        try
        {
            using var store = SqliteCorpusStore.Open(db, create: false);
            var doc = store.LoadDocument(key);
            if (doc == null)
            {
                Console.Error.WriteLine($"dyad show: no document matches '{key}' in {db} (dyad show looks up ids, paths, URIs and file-name endings)");
                return 1;
            }
            using var stdout = Console.OpenStandardOutput();
            using var w = new StreamWriter(stdout, new UTF8Encoding(false), 1 << 16);
            if (a.Has("text")) w.Write(doc.Text);
            else if (a.Has("events"))
            {
                if (format == "jsonl")
                    foreach (var rec in store.Events(new EventFilter { Document = doc.Id })) w.WriteLine(rec.ToJson());
                else WriteEventsTable(w, doc);
            }
            else if (a.Has("segments"))
            {
                if (format == "jsonl") WriteSegmentsJsonl(w, doc);
                else WriteSegmentsTable(w, doc);
            }
            else
            {
                var stored = store.FindDocument(doc.Id);
                WriteHeader(w, doc, stored);
                w.WriteLine();
                if (format == "jsonl") WriteSegmentsJsonl(w, doc);
                else WriteSegmentsTable(w, doc);
            }
            return 0;
        }
        catch (CorpusException e)
        {
            Console.Error.WriteLine($"dyad show: {e.Message}");
            return 1;
        }
    }

    private static void WriteHeader(TextWriter w, Document doc, StoredDocument? stored)
    {
        var ci = CultureInfo.InvariantCulture;
        w.WriteLine($"id         {doc.Id}");
        w.WriteLine($"uri        {doc.Uri ?? doc.Path ?? "-"}");
        if (doc.Uri != null && doc.Path != null && doc.Path != doc.Uri) w.WriteLine($"path       {doc.Path}");
        w.WriteLine($"title      {doc.Title ?? "-"}");
        w.WriteLine($"published  {doc.Published ?? "-"}");
        if (doc.Source != null) w.WriteLine($"source     {doc.Source}");
        w.WriteLine(string.Create(ci, $"copies     {stored?.Copies ?? 1}"));
        var kinds = doc.Segments.GroupBy(s => SqliteCorpusStore.KindName(s.Kind)).Select(g => $"{g.Key} {g.Count()}");
        int sentences = doc.Segments.Sum(s => s.Sentences.Count);
        w.WriteLine(string.Create(ci, $"counts     {doc.Text.Length:N0} chars, {doc.Segments.Count} segments ({string.Join(", ", kinds)}), {sentences:N0} sentences, {doc.Events.Count:N0} events"));
        foreach (var warning in doc.Warnings) w.WriteLine($"warning    {warning}");
    }

    // Fits 80 columns: 3+1+11+1+5+1+14+1+3+1+10+1+3+1 = 56, leaving 24 for the first words.
    private static void WriteSegmentsTable(TextWriter w, Document doc)
    {
        w.WriteLine($"{"#",3} {"kind",-11} {"lang",-5} {"author",-14} {"no.",3} {"date",-10} {"cp",3} first words");
        foreach (var s in doc.Segments)
        {
            string number = s.Number?.ToString(CultureInfo.InvariantCulture) ?? "";
            string date = s.Date is { Length: >= 10 } d ? d[..10] : s.Date ?? "";
            string lang = s.Analysed || s.Kind == SegmentKind.Boilerplate ? s.Language : s.Language + "*";
            w.WriteLine($"{s.Index,3} {SqliteCorpusStore.KindName(s.Kind),-11} {Fit(lang, 5),-5} {Fit(s.Author ?? "", 14),-14} {number,3} {date,-10} {s.Copies,3} {FirstWords(doc, s, 24)}");
        }
        if (doc.Segments.Any(s => !s.Analysed && s.Kind != SegmentKind.Boilerplate))
            w.WriteLine("(* kept, not analysed: no model for this language)");
    }

    private static void WriteSegmentsJsonl(TextWriter w, Document doc)
    {
        foreach (var s in doc.Segments)
        {
            var row = new SegmentRow
            {
                Index = s.Index, Kind = SqliteCorpusStore.KindName(s.Kind), Language = s.Language,
                LanguageConfidence = Math.Round(s.LanguageConfidence, 4), Author = s.Author, Number = s.Number, Date = s.Date,
                Headline = s.Headline, Copies = s.Copies, Analysed = s.Analysed, Start = s.Start, End = s.End,
                Sentences = s.Sentences.Count, FirstWords = FirstWords(doc, s, 80),
            };
            w.WriteLine(JsonSerializer.Serialize(row, EventRecord.Json));
        }
    }

    private sealed record SegmentRow
    {
        public int Index { get; init; }
        public string Kind { get; init; } = "";
        public string Language { get; init; } = "";
        public double LanguageConfidence { get; init; }
        public string? Author { get; init; }
        public int? Number { get; init; }
        public string? Date { get; init; }
        public string? Headline { get; init; }
        public int Copies { get; init; }
        public bool Analysed { get; init; }
        public int Start { get; init; }
        public int End { get; init; }
        public int Sentences { get; init; }
        public string FirstWords { get; init; } = "";
    }

    // 9+1+12+1+18+1+18+1 = 61, leaving 19 for the trigger.
    private static void WriteEventsTable(TextWriter w, Document doc)
    {
        if (doc.Events.Count == 0)
        {
            w.WriteLine("(no events)");
            return;
        }
        w.WriteLine($"{"type",-9} {"status",-12} {"source",-18} {"target",-18} trigger");
        foreach (var ev in doc.Events)
        {
            w.WriteLine($"{Fit(ev.Type, 9),-9} {Fit(ev.Claim.Status.Name(), 12),-12} {Fit(Actor(ev.Source), 18),-18} {Fit(Actor(ev.Target), 18),-18} {Fit(ev.Trigger.Text ?? "", 19)}");
        }
    }

    private static string Actor(ActorArg? a) => a is null ? "-" : a.Actor?.Code is { } code ? $"{code} {a.Text}" : a.Text;

    private static string FirstWords(Document doc, Segment s, int width)
    {
        var sb = new StringBuilder(width + 8);
        bool space = false;
        for (int i = s.Start; i < s.End && i < doc.Text.Length && sb.Length <= width; i++)
        {
            char c = doc.Text[i];
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return Fit(sb.ToString(), width);
    }

    private static string Fit(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
