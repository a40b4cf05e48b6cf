using MimicEye.Dataset;

namespace MimicEye.Pipeline;

/// <summary>Everything a build (or one phase) needs to know, as plain values: the CLI fills it in.</summary>
sealed record BuildOptions(SourceOptions Source, string Out)
{
    public RuleSet Rules { get; init; } = RuleSet.Default;
    public int WindowDays { get; init; }
    public ReflacxLabelMode ReflacxLabels { get; init; } = ReflacxLabelMode.Merged;
    public TrimmedIdAction EyeGazeTrimmed { get; init; } = TrimmedIdAction.Rename;
    public ImageMode Images { get; init; } = ImageMode.Copy;
    public bool Force { get; init; }
    public int Jobs { get; init; } = Environment.ProcessorCount;

    public bool Compat => Rules == RuleSet.MimicEye10;

    /// <summary>compat forces the raw REFLACX union, as published.</summary>
    public ReflacxLabelMode EffectiveReflacxLabels => Compat ? ReflacxLabelMode.Raw : ReflacxLabels;
}
