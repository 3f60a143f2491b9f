namespace Dyad.Cli.Commands;

public static class GraphCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad graph: not implemented yet");
        return 1;
    }
}
