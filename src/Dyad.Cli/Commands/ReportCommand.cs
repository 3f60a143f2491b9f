namespace Dyad.Cli.Commands;

public static class ReportCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad report: not implemented yet");
        return 1;
    }
}
