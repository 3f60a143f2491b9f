namespace Dyad.Cli.Commands;

public static class DictCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad dict: not implemented yet");
        return 1;
    }
}
