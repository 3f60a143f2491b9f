namespace Dyad.Cli.Commands;

public static class TrainCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad train: not implemented yet");
        return 1;
    }
}
