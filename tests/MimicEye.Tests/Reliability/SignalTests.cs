using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §9: Ctrl-C (SIGINT) and SIGTERM stop a build cleanly: exit 130, a message on how to
/// resume, no temporary file left and no half-written file under a final name; the same command then
/// finishes the tree. The fault hook slows each commit down so the signal lands mid-build.</summary>
[Collection(ChildProcessCollection.Name)]
public class SignalTests
{
    const string Delay = "MIMICEYE_FAULT_DELAY_MS";

    [Theory]
    [InlineData(ChildProcess.SigInt, "spreadsheets")]
    [InlineData(ChildProcess.SigTerm, "spreadsheets")]
    [InlineData(ChildProcess.SigInt, "patients")]
    [InlineData(ChildProcess.SigTerm, "patients")]
    public void A_signalled_build_stops_with_130_and_the_same_command_finishes_it(int signal, string when)
    {
        var reference = ReliabilitySamples.Reference;
        using var temp = new TempDir("signal");
        var output = temp.Sub("out");
        string[] args = ["build", "--source", ReliabilitySamples.Source, "--out", output];
        Func<bool> until = when == "spreadsheets"
            ? () => Directory.Exists(Path.Combine(output, "spreadsheets")) && Directory.EnumerateFiles(Path.Combine(output, "spreadsheets"), "*.csv").Any()
            : () => Directory.Exists(output) && Directory.EnumerateDirectories(output, "patient_*").Any();

        var stopped = ChildProcess.RunUntil(args, new Dictionary<string, string> { [Delay] = "60" }, until, signal);

        Assert.True(stopped.ExitCode == 130, $"exit {stopped.ExitCode}:\n{stopped.Error}");
        Assert.Contains("run the same command again", stopped.Error);
        Assert.Empty(OutputTree.TempFiles(output));
        Assert.Empty(OutputTree.Partial(reference, output));
        Assert.False(File.Exists(Path.Combine(output, "SHA256SUMS.txt")), "an interrupted build must not look finished");

        var rerun = CliRunner.Run(args);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Empty(OutputTree.Differences(reference, output));
        Assert.Equal(0, CliRunner.Run("verify", "--out", output).ExitCode);
    }
}
