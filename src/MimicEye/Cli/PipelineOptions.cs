using System.CommandLine;

using MimicEye.Pipeline;

namespace MimicEye.Cli;

/// <summary>The options of the build and phase commands. Each command takes the ones its phases use.</summary>
sealed class PipelineOptions
{
    public readonly SourceOptionSet Sources = new();

    public readonly Option<DirectoryInfo> Out = new("--out", "-o")
    {
        Description = "Output folder (created if needed); the MIMIC-Eye tree is written here",
        Required = true,
        HelpName = "dir",
    };

    public readonly Option<string?> Compat = new("--compat")
    {
        Description = "Reproduce a published build, bugs included: mimic-eye-1.0",
        HelpName = "release",
    };

    public readonly Option<int> WindowDays = new("--window-days")
    {
        Description = "A study inside no ED stay takes the stay that ended at most N days before it (0: inside only)",
        DefaultValueFactory = _ => 0,
        HelpName = "days",
        CustomParser = r => WholeNumber(r, "--window-days", 0, 3650),
    };

    public readonly Option<ReflacxLabelMode> ReflacxLabels = new("--reflacx-labels")
    {
        Description = "REFLACX labels: merged (21 classes) or raw (the published union of 26 columns)",
        DefaultValueFactory = _ => ReflacxLabelMode.Merged,
        HelpName = "merged|raw",
    };

    public readonly Option<TrimmedIdAction> EyeGazeTrimmed = new("--eyegaze-trimmed")
    {
        Description = "EGD rows whose DICOM_ID is a trimmed known id: rename them to the full id, or drop them",
        DefaultValueFactory = _ => TrimmedIdAction.Rename,
        HelpName = "rename|drop",
    };

    public readonly Option<ImageMode> Images = new("--images")
    {
        Description = "How study folders reach the output: copy, hardlink, symlink, or none",
        DefaultValueFactory = _ => ImageMode.Copy,
        HelpName = "copy|hardlink|symlink|none",
    };

    public readonly Option<bool> Force = new("--force")
    {
        Description = "Write into a non-empty folder that is not a mimiceye output (its other files are never deleted)",
    };

    public readonly Option<int> Jobs = new("--jobs", "-j")
    {
        Description = "Tables and folders processed at once (default: processor count); the output is the same for any value",
        DefaultValueFactory = _ => Environment.ProcessorCount,
        HelpName = "n",
        CustomParser = r => WholeNumber(r, "--jobs", 1, 256),
    };

    public PipelineOptions() => Compat.AcceptOnlyFromAmong("mimic-eye-1.0");

    /// <summary>Typed check in the parser (a validator calling GetValue would crash Parse on 'abc': ecosystem.md §2).</summary>
    static int WholeNumber(System.CommandLine.Parsing.ArgumentResult r, string option, int min, int max)
    {
        var raw = r.Tokens[0].Value;
        if (!int.TryParse(raw, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < min || n > max)
            r.AddError($"{option}: '{raw}' is not a whole number from {min} to {max}");
        return n;
    }

    public void AddTo(Command command, IReadOnlyCollection<Phase> phases)
    {
        Sources.AddTo(command, sourceRequired: false);
        command.Options.Add(Out);
        command.Options.Add(Compat);
        if (phases.Contains(Phase.Stays))
            command.Options.Add(WindowDays);
        if (phases.Contains(Phase.Reflacx))
            command.Options.Add(ReflacxLabels);
        if (phases.Contains(Phase.EyeGaze))
            command.Options.Add(EyeGazeTrimmed);
        if (phases.Contains(Phase.Write))
            command.Options.Add(Images);
        command.Options.Add(Force);
        command.Options.Add(Jobs);
    }

    public BuildOptions Read(ParseResult parse) => new(Sources.Read(parse), parse.GetRequiredValue(Out).FullName)
    {
        Rules = parse.GetValue(Compat) is null ? RuleSet.Default : RuleSet.MimicEye10,
        WindowDays = parse.GetValue(WindowDays),
        ReflacxLabels = parse.GetValue(ReflacxLabels),
        EyeGazeTrimmed = parse.GetValue(EyeGazeTrimmed),
        Images = parse.GetValue(Images),
        Force = parse.GetValue(Force),
        Jobs = parse.GetValue(Jobs),
    };
}
