using System.Diagnostics;

using MimicEye.Samples;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Samples;

public class SampleScaleTests
{
    [Fact]
    public void Big_tables_stream_row_by_row_with_the_cohort_at_about_one_percent()
    {
        using var small = new TempDir("samples-small");
        var baseline = Allocated(() => SampleGenerator.Generate(new SampleOptions(small.Path) { LabRows = 1000, ChartRows = 1000 }));
        using var dir = new TempDir("samples-scale");
        var clock = Stopwatch.StartNew();
        SampleSummary? summary = null;
        var allocated = Allocated(() => summary = SampleGenerator.Generate(new SampleOptions(dir.Path) { LabRows = 200_000, ChartRows = 200_000 }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"took {clock.Elapsed}");
        Assert.Equal(200_000, summary!.LabRows);
        Assert.Equal(200_000, summary.ChartRows);
        // Streaming: 399,000 more rows (about 40 MB of CSV) cost almost no allocation.
        Assert.True(allocated - baseline < 5_000_000, $"{allocated - baseline} more bytes allocated for 399,000 more rows");

        var cohort = SampleTable.Read(Path.Combine(dir.Path, "physionet.org", "files", "egd-cxr", "1.0.0", "master_sheet.csv")).Values("patient_id")
            .Concat(Enumerable.Range(1, 3).SelectMany(p => SampleTable.Read(Path.Combine(dir.Path, "physionet.org", "files",
                "reflacx-xray-localization", "1.0.0", "main_data", $"metadata_phase_{p}.csv")).Values("subject_id")))
            .ToHashSet();
        var lab = SampleTable.Read(Path.Combine(dir.Path, "physionet.org", "files", "mimiciv", "2.2", "hosp", "labevents.csv.gz"));
        Assert.Equal(200_000, lab.Rows.Count);
        var share = lab.Values("subject_id").Count(cohort.Contains) / 200_000.0;
        Assert.InRange(share, 0.005, 0.02);
    }

    /// <summary>Bytes allocated by this thread (the generator runs on the caller's thread), unaffected by
    /// tests running in parallel.</summary>
    static long Allocated(Action action)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        action();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
