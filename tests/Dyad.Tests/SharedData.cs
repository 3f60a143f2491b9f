namespace Dyad.Tests;

/// <summary>Locates ../shared (seed pages, treebanks, gold sets) from the test binary.</summary>
public static class SharedData
{
    public static readonly string? Root = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("DYAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env)) return Path.GetFullPath(env);
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null)
        {
            var cand = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(cand, "seeds")) && dir.GetFiles("*.slnx").Length == 0) return cand;
            var sib = Path.Combine(dir.FullName, "..", "shared");
            if (File.Exists(Path.Combine(dir.FullName, "Dyad.slnx")) && Directory.Exists(Path.Combine(sib, "seeds")))
                return Path.GetFullPath(sib);
            dir = dir.Parent;
        }
        return null;
    }

    /// <summary>The repository root (folder holding Dyad.slnx).</summary>
    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Dyad.slnx"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("repository root not found");
        }
    }

    /// <summary>Path under ../shared, or null (the caller skips with a message) when it is missing.</summary>
    public static string? PathTo(params string[] parts)
    {
        if (Root == null) return null;
        var p = Path.Combine([Root, .. parts]);
        return File.Exists(p) || Directory.Exists(p) ? p : null;
    }

    public const string MissingMessage = "../shared is missing (seed pages, treebanks, gold sets); this test needs it and CI always has it";
}
