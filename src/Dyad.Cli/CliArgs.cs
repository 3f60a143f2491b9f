namespace Dyad.Cli;

/// <summary>Thrown for a user's mistake: printed as one line, exit code 1, never a stack trace.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// A small, strict argument parser: --flag value, --flag=value, repeated flags, boolean switches,
/// positionals. Unknown flags are an error naming the flag.
/// </summary>
public sealed class CliArgs
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _switches = new(StringComparer.Ordinal);
    public List<string> Positionals { get; } = new();
    public bool Help { get; private set; }

    /// <param name="args">Arguments after the command name.</param>
    /// <param name="valueFlags">Flags that take a value (without leading dashes).</param>
    /// <param name="switchFlags">Flags without a value.</param>
    public static CliArgs Parse(string command, string[] args, IEnumerable<string> valueFlags, IEnumerable<string>? switchFlags = null)
    {
        var vf = new HashSet<string>(valueFlags, StringComparer.Ordinal);
        var sf = new HashSet<string>(switchFlags ?? [], StringComparer.Ordinal);
        var a = new CliArgs();
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            if (arg == "--help" || arg == "-h") { a.Help = true; continue; }
            if (arg == "-" || !arg.StartsWith('-')) { a.Positionals.Add(arg); continue; }
            if (arg == "--") { a.Positionals.AddRange(args[(i + 1)..]); break; }
            string name = arg.TrimStart('-');
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            if (vf.Contains(name))
            {
                if (value == null)
                {
                    if (i + 1 >= args.Length) throw new UsageException($"dyad {command}: --{name} needs a value");
                    value = args[++i];
                }
                if (!a._values.TryGetValue(name, out var list)) a._values[name] = list = new List<string>();
                list.Add(value);
            }
            else if (sf.Contains(name) && value == null) a._switches.Add(name);
            else throw new UsageException($"dyad {command}: unknown option '{arg}' (see dyad {command} --help)");
        }
        return a;
    }

    public string? Get(string name) => _values.TryGetValue(name, out var l) ? l[^1] : null;
    public string Get(string name, string fallback) => Get(name) ?? fallback;
    public IReadOnlyList<string> GetAll(string name) => _values.TryGetValue(name, out var l) ? l : [];
    public bool Has(string name) => _switches.Contains(name) || _values.ContainsKey(name);

    public int GetInt(string command, string name, int fallback)
    {
        var v = Get(name);
        if (v == null) return fallback;
        if (!int.TryParse(v, out int n) || n < 0) throw new UsageException($"dyad {command}: --{name} expects a non-negative integer, got '{v}'");
        return n;
    }

    public long GetBytes(string command, string name, long fallback)
    {
        var v = Get(name);
        if (v == null) return fallback;
        string s = v.Trim().ToUpperInvariant();
        long mult = 1;
        if (s.EndsWith("GB")) { mult = 1L << 30; s = s[..^2]; }
        else if (s.EndsWith("MB")) { mult = 1L << 20; s = s[..^2]; }
        else if (s.EndsWith("KB")) { mult = 1L << 10; s = s[..^2]; }
        else if (s.EndsWith('B')) s = s[..^1];
        if (!double.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out double d) || d <= 0)
            throw new UsageException($"dyad {command}: --{name} expects a size such as 20MB, got '{v}'");
        return (long)(d * mult);
    }

    public string Choice(string command, string name, string fallback, params string[] allowed)
    {
        var v = Get(name) ?? fallback;
        if (!allowed.Contains(v)) throw new UsageException($"dyad {command}: --{name} must be one of {string.Join("|", allowed)}, got '{v}'");
        return v;
    }
}
