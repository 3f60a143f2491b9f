using System.Diagnostics;

namespace Dyad.Tests.Analyze;

/// <summary>Runs the real CLI (Dyad.Cli.dll from the test output folder) as a child process.</summary>
internal static class CliProcess
{
    private static readonly System.Text.RegularExpressions.Regex Progress =
        new(@"^dyad analyze: [\d,]+ documents \([\d,]+ new\), [\d.,]+ MB read, [\d.,]+ MB/s$");

    public sealed record Result(int ExitCode, string Stdout, string Stderr)
    {
        /// <summary>Standard error without the progress lines a slow (loaded) machine may print every 10 s.</summary>
        public string[] ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !Progress.IsMatch(l)).ToArray();
        public string ErrorsWithoutProgress => string.Join("\n", ErrorLines);
    }

    public static string CliDll => Path.Combine(AppContext.BaseDirectory, "Dyad.Cli.dll");

    public static ProcessStartInfo StartInfo(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("exec");
        psi.ArgumentList.Add(CliDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        return psi;
    }

    public static Result Run(string workingDirectory, params string[] args) => RunWithInput(workingDirectory, null, args);

    public static Result RunWithInput(string workingDirectory, string? stdin, params string[] args)
    {
        using var p = Process.Start(StartInfo(workingDirectory, args))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("dyad " + string.Join(" ", args) + " did not finish in 120 s");
        }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string TempDir(string name)
    {
        string dir = Path.Combine(Path.GetTempPath(), "dyad-tests", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}
