using BenchmarkDotNet.Running;

namespace Dyad.Bench;

/// <summary>
/// Benchmarks. `dotnet run -c Release --project bench/Dyad.Bench -- --filter '*'` runs the
/// BenchmarkDotNet suites; `-- throughput ...` subcommands run whole-pipeline measurements
/// (see docs/PERFORMANCE.md).
/// </summary>
public static class Program
{
    public static readonly Dictionary<string, Func<string[], int>> Throughput = new(StringComparer.Ordinal);

    public static int Main(string[] args)
    {
        if (args.Length > 0 && Throughput.TryGetValue(args[0], out var run)) return run(args[1..]);
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
