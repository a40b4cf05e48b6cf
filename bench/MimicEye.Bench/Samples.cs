using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

namespace MimicEye.Bench;

sealed record SourceTree(string Root, IReadOnlyList<string> GzFiles, string LabEvents, string ChartEvents, long BigTablesBytes);

/// <summary>The synthetic sources, made by <c>mimiceye samples</c> once per size and kept under bench/data
/// (a marker file records the options; a tree with other options is regenerated).</summary>
static class Samples
{
    const string Marker = "bench-options.txt";

    public static SourceTree Generate(BenchOptions options, int scale, Action<string> say)
    {
        var root = Path.GetFullPath(Path.Combine(options.Data, options.Name(scale)));
        string[] args = ["samples", "--to", root, "--patients", Str(options.PatientsAt(scale)), "--other-patients", Str(options.OtherPatientsAt(scale)),
            "--lab-rows", Str(options.LabRows * scale), "--chart-rows", Str(options.ChartRows * scale), "--no-progress"];
        var marker = Path.Combine(root, Marker);
        var wanted = string.Join(' ', args.Skip(3));
        if (!File.Exists(marker) || File.ReadAllText(marker) != wanted)
        {
            var clock = Stopwatch.StartNew();
            var start = new ProcessStartInfo(options.MimicEye) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
                start.ArgumentList.Add(arg);
            using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start mimiceye");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"mimiceye samples failed: {stderr.Result}{stdout.Result}");
            File.WriteAllText(marker, wanted);
            say($"Generated {options.Name(scale)} in {clock.Elapsed.TotalSeconds:0} s (kept in {root}; reruns reuse it).");
        }
        var files = Path.Combine(root, "physionet.org", "files");
        var gz = Directory.GetFiles(files, "*.csv.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var lab = gz.Single(f => f.EndsWith("hosp/labevents.csv.gz", StringComparison.Ordinal));
        var chart = gz.Single(f => f.EndsWith("icu/chartevents.csv.gz", StringComparison.Ordinal));
        return new SourceTree(root, gz, lab, chart, Size(lab) + Size(chart));
    }

    static string Str(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>Uncompressed size (the gzip trailer only holds it mod 2^32, too little for these tables).</summary>
    static long Size(string gz)
    {
        using var stream = new GZipStream(File.OpenRead(gz), CompressionMode.Decompress);
        var buffer = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = stream.Read(buffer)) > 0)
            total += n;
        return total;
    }
}
