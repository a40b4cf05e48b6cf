using System.CommandLine;

using MimicEye.Pipeline;

namespace MimicEye.Cli;

/// <summary><c>build</c> (all phases) and the single-phase commands <c>stays</c>, <c>reflacx</c>,
/// <c>eyegaze</c>, <c>write</c>: the same options record, one engine call, the report printed at the end.</summary>
sealed class PipelineCommand : MimicEyeCommand
{
    readonly PipelineOptions _options = new();
    readonly IReadOnlyList<Phase> _phases;

    PipelineCommand(string name, string description, string example, params Phase[] phases)
        : base(name, description, example)
    {
        _phases = phases;
        _options.AddTo(this, phases);
    }

    public static IEnumerable<Command> All()
    {
        yield return new PipelineCommand("build", "Build the whole MIMIC-Eye tree: stays, reflacx, eyegaze, then write",
            "mimiceye build --source ~/physionet.org/files --out ~/mimic-eye", [.. Phases.All]);
        yield return new PipelineCommand("stays", "Phase 1: match cohort images to ED stays (spreadsheets/cxr_meta.csv, stay_matching.csv)",
            "mimiceye stays --source ~/physionet.org/files --out ~/mimic-eye --window-days 7", Phase.Stays);
        yield return new PipelineCommand("reflacx", "Phase 2a: merge the REFLACX metadata phases (spreadsheets/REFLACX/metadata.csv)",
            "mimiceye reflacx --source ~/physionet.org/files --out ~/mimic-eye --reflacx-labels raw", Phase.Reflacx);
        yield return new PipelineCommand("eyegaze", "Phase 2b: repair EGD DICOM_IDs and update the master sheet's stay_id (spreadsheets/EyeGaze/)",
            "mimiceye eyegaze --source ~/physionet.org/files --out ~/mimic-eye --eyegaze-trimmed drop", Phase.EyeGaze);
        yield return new PipelineCommand("write", "Phase 3: write the patient folders from the sources and the spreadsheets of phases 1-2",
            "mimiceye write --source ~/physionet.org/files --out ~/mimic-eye --images hardlink", Phase.Write);
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var options = _options.Read(parse);
        if (options.Source.Source is null && options.Source.Overrides.Count == 0)
            throw new MimicEyeException("say where the PhysioNet downloads are: --source DIR (or one folder per project, e.g. --mimic-iv DIR)");
        var outcome = ProgressDisplay.Run(context, progress => BuildPipeline.Run(options, _phases, context.Log, cancel, progress));
        IssueSummary.Log(outcome.Issues, context.Log);
        context.Out.Write(outcome.Report);
        context.Out.WriteLine();
        context.Out.WriteLine($"Output: {outcome.Output.Root}");
        return outcome.Issues.HasErrors ? MimicEyeCli.Failure : MimicEyeCli.Success;
    }
}
