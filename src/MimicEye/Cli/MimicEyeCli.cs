using System.CommandLine;

namespace MimicEye.Cli;

/// <summary>The command tree and the one entry point. Tests call <see cref="Run"/> with captured writers.</summary>
static class MimicEyeCli
{
    /// <summary>Exit codes: 0 success, 1 failure (bad data, failed checks), 2 usage error, 130 interrupted.</summary>
    public const int Success = 0, Failure = 1, UsageError = 2, Interrupted = 130;

    public static RootCommand Create()
    {
        var root = new RootCommand("mimiceye: builds the MIMIC-Eye dataset (patient folders + spreadsheets) from PhysioNet downloads of "
            + "MIMIC-IV, MIMIC-IV-ED, MIMIC-CXR, MIMIC-CXR-JPG, REFLACX and EGD-CXR.\n\nExample:\n  mimiceye build --source ~/physionet.org/files --out ~/mimic-eye");
        CommonOptions.AddTo(root);
        foreach (var command in Commands())
            root.Subcommands.Add(command);
        return root;
    }

    static IEnumerable<Command> Commands()
    {
        foreach (var command in PipelineCommand.All())
            yield return command;
        yield return new SamplesCommand();
        yield return new CheckCommand();
        yield return new PreviewCommand();
        yield return new PlanCommand();
        yield return new VerifyCommand();
        yield return new ReportCommand();
        yield return new DiffCommand();
    }

    public static int Run(string[] args, InvocationConfiguration? io = null)
    {
        io ??= new InvocationConfiguration();
        var parse = Create().Parse(args);
        if (parse.Errors.Count > 0)
            return UsageErrors.Print(parse, io.Error);
        return parse.Invoke(io);
    }
}
