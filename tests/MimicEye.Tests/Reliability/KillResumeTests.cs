using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

using MimicEye.Tests.Support;

using Xunit.Abstractions;

namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §9, issue 6: a build killed (SIGKILL, no clean-up) at any moment and rerun with the same
/// command finishes with the tree an uninterrupted build gives, byte for byte, and leaves no temporary file.
/// The kill comes from mimiceye's own fault hook, right after the N-th file is committed.</summary>
[Collection(ChildProcessCollection.Name)]
public class KillResumeTests(ITestOutputHelper log)
{
    const string KillAfter = "MIMICEYE_FAULT_KILL_AFTER_COMMITS";

    [Fact]
    public void A_build_killed_after_any_commit_resumes_to_the_identical_tree()
    {
        var reference = ReliabilitySamples.Reference;
        var plan = KillPlan.From(reference);
        var points = plan.Points(inWrite: 9);
        Assert.True(points.Count >= 20, $"{points.Count} kill points");
        Assert.All(new[] { "stays", "reflacx", "eyegaze", "write", "finish" }, phase =>
            Assert.Contains(points, p => plan.PhaseOf(p[0]) == phase));

        using var temp = new TempDir("kill");
        var outcomes = new ConcurrentBag<(int[] Kills, List<string> Problems, int Resumed)>();
        // Two builds at a time: the machine the suite runs on may have two cores.
        Parallel.ForEach(points, new ParallelOptions { MaxDegreeOfParallelism = 2 }, kills =>
            outcomes.Add(KillAndResume(reference, temp.Sub(string.Join('-', kills)), kills)));

        foreach (var (kills, problems, resumed) in outcomes.OrderBy(o => o.Kills[0]))
        {
            log.WriteLine($"kill after commit {string.Join(" then ", kills)} of {plan.Total} ({plan.PhaseOf(kills[0])}): "
                + (problems.Count == 0 ? "identical" : string.Join("; ", problems)) + $", {resumed} write items resumed");
        }
        var failed = outcomes.Where(o => o.Problems.Count > 0).ToList();
        Assert.True(failed.Count == 0, string.Join('\n', failed.Select(f => $"kill after {string.Join(",", f.Kills)}: {string.Join("; ", f.Problems.Take(5))}")));
        // Work finished before a kill in the second half of phase 3, or in the finish step, is not redone.
        // (Earlier, whether an item has finished yet depends on how the two workers' files interleave.)
        var write = plan.Phases.Single(p => p.Phase == "write");
        var late = outcomes.Where(o => o.Kills.Length == 1 && o.Kills[0] > (write.First + write.Last) / 2).ToList();
        Assert.NotEmpty(late);
        Assert.All(late, o => Assert.True(o.Resumed > 0, $"kill after {o.Kills[0]}: no write item was resumed"));
    }

    /// <summary>The killed run's files that other options do not write again are removed (before, they stayed
    /// in the tree, listed nowhere, and verify reported them as extra).</summary>
    [Fact]
    public void A_rerun_with_other_options_after_a_kill_leaves_nothing_of_the_killed_run()
    {
        var write = KillPlan.From(ReliabilitySamples.Reference).Phases.Single(p => p.Phase == "write");
        using var temp = new TempDir("kill-options");
        var (output, clean) = (temp.Sub("out"), temp.Sub("clean"));
        string[] compat = ["build", "--source", ReliabilitySamples.Source, "--compat", "mimic-eye-1.0", "--out"];
        // Late in phase 3: nearly every file of the default rules is committed, the phase is not finished.
        var killed = ChildProcess.Run(["build", "--source", ReliabilitySamples.Source, "--out", output],
            new Dictionary<string, string> { [KillAfter] = (write.Last - 2).ToString(CultureInfo.InvariantCulture) });
        Assert.Equal(ChildProcess.KilledExitCode, killed.ExitCode);

        var rerun = CliRunner.Run([.. compat, output]);
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Equal(0, CliRunner.Run([.. compat, clean]).ExitCode);
        Assert.Empty(OutputTree.Differences(clean, output));
        var verify = CliRunner.Run("verify", "--out", output);
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
    }

    static (int[], List<string>, int) KillAndResume(string reference, string output, int[] kills)
    {
        string[] args = ["build", "--source", ReliabilitySamples.Source, "--out", output];
        var problems = new List<string>();
        foreach (var n in kills)
        {
            var killed = ChildProcess.Run(args, new Dictionary<string, string> { [KillAfter] = n.ToString(CultureInfo.InvariantCulture) });
            if (killed.ExitCode != ChildProcess.KilledExitCode)
                problems.Add($"the build was not killed after commit {n} (exit {killed.ExitCode})");
        }
        // The same command again (in-process: the same code, without a second process start).
        var rerun = CliRunner.Run(args);
        if (rerun.ExitCode != 0)
        {
            problems.Add($"the rerun exited {rerun.ExitCode}: {rerun.Error}");
            return (kills, problems, 0);
        }
        problems.AddRange(OutputTree.Differences(reference, output));
        problems.AddRange(OutputTree.TempFiles(output).Select(t => "temporary file left: " + t));
        var verify = CliRunner.Run("verify", "--out", output);
        if (verify.ExitCode != 0)
            problems.Add("verify: " + verify.Out + verify.Error);
        var build = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "build.json")));
        var resumed = build?["phases"]?["write"]?["counts"]?["resumed_items"]?.GetValue<int>() ?? 0;
        return (kills, problems, resumed);
    }
}
