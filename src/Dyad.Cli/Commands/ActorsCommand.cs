namespace Dyad.Cli.Commands;

public static class ActorsCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad actors: not implemented yet");
        return 1;
    }
}
