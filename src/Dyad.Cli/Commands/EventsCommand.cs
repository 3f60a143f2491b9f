namespace Dyad.Cli.Commands;

public static class EventsCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad events: not implemented yet");
        return 1;
    }
}
