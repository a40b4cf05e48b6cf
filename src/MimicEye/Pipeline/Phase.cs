namespace MimicEye.Pipeline;

/// <summary>The phases in build order; each also runs alone as the command of the same name.</summary>
enum Phase
{
    Stays,
    Reflacx,
    EyeGaze,
    Write,
}

static class Phases
{
    public static readonly Phase[] All = [Phase.Stays, Phase.Reflacx, Phase.EyeGaze, Phase.Write];

    public static string Name(Phase phase) => phase switch
    {
        Phase.Stays => "stays",
        Phase.Reflacx => "reflacx",
        Phase.EyeGaze => "eyegaze",
        Phase.Write => "write",
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };

    /// <summary>The state name of the files written at the end of every run (REPORT.md).</summary>
    public const string Finish = "finish";
}
