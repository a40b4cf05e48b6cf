using MimicEye.Tests.Support;

using Xunit.Abstractions;

namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §9: a build into a disk that fills up stops with exit 1 and an error naming the file being
/// written, leaves no partial file under a final name (and no temporary file), and once space is freed the
/// same command completes the tree. The disk is a real, small tmpfs.</summary>
[Collection(ChildProcessCollection.Name)]
public class DiskFullTests(ITestOutputHelper log)
{
    [TmpfsFact]
    public void A_full_disk_stops_the_build_cleanly_and_a_rerun_after_freeing_space_completes_it()
    {
        var reference = ReliabilitySamples.Reference;
        // What the tree takes on a tmpfs (whole 4 KiB pages); the disk fills at several fractions of it, so the
        // failure lands in phase 1, phase 2, the patient tables and the copied folders.
        var treeBytes = Directory.EnumerateFiles(reference, "*", SearchOption.AllDirectories).Sum(f => (new FileInfo(f).Length + 4095) / 4096 * 4096);
        using var temp = new TempDir("diskfull");
        foreach (var fraction in new[] { 0.002, 0.02, 0.1, 0.5 })
        {
            var size = Math.Max(8192, (long)(treeBytes * fraction));
            var mount = temp.Sub("disk-" + fraction.ToString(System.Globalization.CultureInfo.InvariantCulture));
            using var disk = SmallDisk.Mount(mount, size);
            var output = Path.Combine(mount, "out");
            string[] args = ["build", "--source", ReliabilitySamples.Source, "--out", output];

            var full = CliRunner.Run(args);
            var error = full.Error.Split('\n').FirstOrDefault(l => l.Contains("disk is full", StringComparison.Ordinal)) ?? "";
            log.WriteLine($"disk of {size / 1024} KiB ({fraction:P1} of the tree): exit {full.ExitCode}; {error.Trim()}");
            Assert.True(full.ExitCode == 1, $"exit {full.ExitCode}:\n{full.Error}");
            Assert.True(error.Contains(output + "/", StringComparison.Ordinal), $"the error does not name the file being written:\n{full.Error}");
            Assert.Empty(OutputTree.Partial(reference, output));
            Assert.Empty(OutputTree.TempFiles(output));

            disk.Resize(treeBytes * 2 + (16 << 20));
            var rerun = CliRunner.Run(args);
            Assert.True(rerun.ExitCode == 0, rerun.Error);
            Assert.Empty(OutputTree.Differences(reference, output));
            Assert.Empty(OutputTree.TempFiles(output));
            Assert.Equal(0, CliRunner.Run("verify", "--out", output).ExitCode);
        }
    }
}
