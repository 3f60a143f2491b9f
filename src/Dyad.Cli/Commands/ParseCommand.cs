namespace Dyad.Cli.Commands;

public static class ParseCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad parse: not implemented yet");
        return 1;
    }
}
