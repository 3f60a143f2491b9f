namespace Dyad.Cli.Commands;

public static class EvalCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("dyad eval: not implemented yet");
        return 1;
    }
}
