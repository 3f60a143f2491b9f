using System.Text;
using Dyad.Corpus;
using Dyad.Corpus.Merging;
using Dyad.Model;
using Dyad.Outputs;

namespace Dyad.Cli.Commands;

/// <summary>Flags shared by the query commands (events, graph, report): database and event filters.</summary>
public static class OutputArgs
{
    public static readonly string[] FilterFlags = ["db", "actor", "type", "status", "claimant", "doc", "from", "to", "lang", "kind", "limit"];

    public const string FilterHelp =
        """
          --db FILE        corpus database (default ./dyad.db)
          --actor X        source or target code, name or text contains X
          --type T         PLOVER type (ASSAULT, ACCUSE, …)
          --status S       claim status (asserted, reported, alleged, hedged, negated, denied, future, hypothetical, question)
          --claimant X     a claimant's code, name or text contains X
          --doc D          document id, path/URI or file-name suffix
          --from DATE      events on or after DATE (yyyy-MM-dd, yyyy-MM or yyyy)
          --to DATE        events on or before DATE
          --lang L         segment language (en, nl, …)
          --kind K         segment kind: article, comment or quote
          --limit N        at most N events (merged events with --merged)
          --merged         merge mentions of the same event across documents (same actors and type,
                           compatible mode, dates within ±3 days)
        """;

    /// <summary>How commands open the corpus; tests pass their own.</summary>
    public static Func<string, ICorpusStore> OpenStore { get; set; } = path =>
    {
        try { return SqliteCorpusStore.Open(path, create: false); }
        catch (CorpusException e) { throw new UsageException(e.Message); }
    };

    /// <summary>Runs a command body, turning store problems (unknown or ambiguous --doc, a damaged file) into one-line usage errors.</summary>
    public static int Guard(string command, Func<int> body)
    {
        try { return body(); }
        catch (CorpusException e) { throw new UsageException(e.Message.StartsWith("dyad ", StringComparison.Ordinal) ? e.Message : $"dyad {command}: {e.Message}"); }
        catch (Microsoft.Data.Sqlite.SqliteException e) { throw new UsageException($"dyad {command}: cannot read the database: {e.Message.Split('\n')[0]}"); }
    }

    public static string DbPath(CliArgs a) => a.Get("db", "dyad.db");

    public static ICorpusStore Open(string command, CliArgs a, Func<string, ICorpusStore> open)
    {
        string db = DbPath(a);
        if (!File.Exists(db)) throw new UsageException($"dyad {command}: no database at {db} (run dyad analyze first, or pass --db FILE)");
        return open(db);
    }

    public static EventFilter Filter(string command, CliArgs a, bool withLimit = true)
    {
        string? type = a.Get("type");
        if (type != null && !EventTypes.All.Contains(type.ToUpperInvariant()))
            throw new UsageException($"dyad {command}: --type must be a PLOVER type ({string.Join(" ", EventTypes.All)}), got '{type}'");
        string? status = a.Get("status");
        if (status != null && !ClaimStatusNames.TryParse(status, out _))
            throw new UsageException($"dyad {command}: --status must be one of {string.Join("|", EventTypes.Statuses)}, got '{status}'");
        string? kind = a.Get("kind");
        if (kind != null && kind is not ("article" or "comment" or "quote"))
            throw new UsageException($"dyad {command}: --kind must be article, comment or quote, got '{kind}'");
        int limit = a.GetInt(command, "limit", -1);
        return new EventFilter
        {
            Actor = a.Get("actor"), Type = type?.ToUpperInvariant(), Status = status?.ToLowerInvariant(), Claimant = a.Get("claimant"),
            Document = a.Get("doc"), From = Date(command, "from", a.Get("from"), start: true), To = Date(command, "to", a.Get("to"), start: false),
            Language = a.Get("lang"), SegmentKind = kind, Limit = withLimit && limit >= 0 ? limit : null,
        };
    }

    public static int? Limit(string command, CliArgs a) { int l = a.GetInt(command, "limit", -1); return l >= 0 ? l : null; }

    private static string? Date(string command, string flag, string? v, bool start)
    {
        if (v == null) return null;
        bool ok = v.Length switch
        {
            4 => int.TryParse(v, out _),
            7 => DateOnly.TryParseExact(v + "-01", "yyyy-MM-dd", out _),
            10 => DateOnly.TryParseExact(v, "yyyy-MM-dd", out _),
            _ => false,
        };
        if (!ok) throw new UsageException($"dyad {command}: --{flag} expects a date like 2017-10-05, 2017-10 or 2017, got '{v}'");
        return v.Length switch { 4 => v + (start ? "-01-01" : "-12-31"), 7 => v + (start ? "-01" : "-31"), _ => v };
    }

    /// <summary>Events from the store, merged when asked; the limit then applies to merged events.</summary>
    public static List<MergedEvent> Merged(ICorpusStore store, EventFilter f, int? limit)
    {
        var copies = store.CopyCounts();
        var merged = EventMerger.Merge(store.Events(f with { Limit = null }), copies);
        return limit is int l && merged.Count > l ? merged.GetRange(0, l) : merged;
    }

    public static string Describe(EventFilter f, bool merged)
    {
        var parts = new List<string>();
        void P(string name, string? v) { if (v != null) parts.Add($"{name}={v}"); }
        P("actor", f.Actor); P("type", f.Type); P("status", f.Status); P("claimant", f.Claimant); P("doc", f.Document);
        P("from", f.From); P("to", f.To); P("lang", f.Language); P("kind", f.SegmentKind);
        if (merged) parts.Add("merged");
        return string.Join(", ", parts);
    }

    public static StreamWriter Stdout() => new(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) { AutoFlush = false };
}
