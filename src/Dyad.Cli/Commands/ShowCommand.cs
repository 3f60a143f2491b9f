namespace Dyad.Cli.Commands;

public static class ShowCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad show: not implemented yet");
        return 1;
    }
}
