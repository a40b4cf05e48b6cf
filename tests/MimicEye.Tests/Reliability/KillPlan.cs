using MimicEye.Pipeline.Output;

namespace MimicEye.Tests.Reliability;

/// <summary>Where a build's commits fall. Every output file of a fresh build is committed (renamed to its
/// final name) exactly once, in phase order: each phase's files, then its list in .mimiceye/; the finish
/// step's REPORT.md and list, SHA256SUMS.txt, the hash cache and build.json. So the commits of a phase are
/// counted from the reference tree, and a kill after commit N lands in a known phase.</summary>
sealed record KillPlan(IReadOnlyList<(string Phase, int First, int Last)> Phases)
{
    static readonly string[] s_order = ["stays", "reflacx", "eyegaze", "write"];

    public int Total => Phases[^1].Last;

    public static KillPlan From(string reference)
    {
        var state = Path.Combine(reference, OutputFolder.StateFolder);
        // Every file of a finished tree but the marker (written once, not through AtomicFile) was committed once.
        var total = Directory.EnumerateFiles(reference, "*", SearchOption.AllDirectories).Count() - 1;
        var phases = new List<(string, int, int)>();
        var next = 1;
        foreach (var phase in s_order)
        {
            var files = File.ReadAllLines(Path.Combine(state, phase + ".files")).Count(l => l.Length > 0);
            phases.Add((phase, next, next + files));
            next += files + 1;
        }
        phases.Add(("finish", next, total));
        return new KillPlan(phases);
    }

    public string PhaseOf(int commit) => Phases.First(p => commit >= p.First && commit <= p.Last).Phase;

    /// <summary>Kill points spread over every phase: all commits of the small phases and of the finish
    /// step, <paramref name="inWrite"/> points evenly over the write phase, and a few builds killed twice
    /// (the rerun killed again before a third run).</summary>
    public IReadOnlyList<int[]> Points(int inWrite)
    {
        var points = new List<int[]>();
        foreach (var (phase, first, last) in Phases)
        {
            if (phase == "write")
            {
                for (var i = 0; i < inWrite; i++)
                    points.Add([first + (int)((long)(last - first) * i / (inWrite - 1))]);
            }
            else
            {
                for (var n = first; n <= last; n++)
                    points.Add([n]);
            }
        }
        var write = Phases.Single(p => p.Phase == "write");
        var middle = (write.First + write.Last) / 2;
        // The second kill must land in work the rerun still does: phases 1-2 always run again, and the
        // write items the first run did not finish.
        points.Add([middle, write.First + 3]);
        points.Add([write.Last - 2, write.First - 2]);
        points.Add([Phases[0].Last, write.First + 1]);
        return points;
    }
}
