using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;

using DuckDB.NET.Data;

using MimicEye.Pipeline.Writing;

namespace MimicEye.Bench;

sealed record Timing(double Seconds, double CpuSeconds, long Bytes)
{
    public double MBps => Bytes / 1e6 / Seconds;
}

sealed record BuildTiming(double Seconds, double CpuSeconds, long PeakRssKb, IReadOnlyDictionary<string, double> Phases);

/// <summary>The measurements: the floor (GZipStream alone) and a whole build as child processes under
/// /usr/bin/time, one table's pass and its one-thread floor in this process, and DuckDB. Wall times; "CPU" is
/// the child's user + system time, or this process's processor time over the same span.</summary>
static class Measure
{
    /// <summary>(a) The floor as the issue defines it, a small tool: this bench run again as a child process
    /// (<c>floor</c>, see <see cref="FloorTool"/>) under /usr/bin/time, timed exactly as the build is, start-up
    /// included on both sides.</summary>
    public static Timing Floor(IReadOnlyList<string> files, int threads)
    {
        var (seconds, cpu, _, stdout) = Timed(Environment.ProcessPath ?? throw new InvalidOperationException("no process path"),
            ["floor", "--threads", threads.ToString(CultureInfo.InvariantCulture), .. files], Path.GetTempFileName());
        return new Timing(seconds, cpu, long.Parse(stdout.Trim(), CultureInfo.InvariantCulture));
    }

    /// <summary>The floor tool: inflates files with GZipStream into a 1 MiB buffer that is thrown away, largest
    /// first on <paramref name="threads"/> threads (the build's schedule); prints the bytes read. The cost no
    /// reader of .gz can avoid.</summary>
    public static long FloorTool(IReadOnlyList<string> files, int threads)
    {
        long bytes = 0;
        Parallel.ForEach(MimicEye.Pipeline.InOrder.Of(files.OrderByDescending(f => new FileInfo(f).Length)),
            new ParallelOptions { MaxDegreeOfParallelism = threads }, () => 0L, (file, _, sum) => sum + Inflate(file), sum => Interlocked.Add(ref bytes, sum));
        return bytes;
    }

    /// <summary>One table's floor in this process, next to <see cref="TablePass"/> (also in this process).</summary>
    public static Timing InflateHere(string file)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var bytes = Inflate(file);
        return new Timing(clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, bytes);
    }

    static long Inflate(string file)
    {
        using var gz = new GZipStream(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20), CompressionMode.Decompress);
        var buffer = new byte[1 << 20];
        long total = 0;
        int n;
        while ((n = gz.Read(buffer)) > 0)
            total += n;
        return total;
    }

    /// <summary>(1) One table's pass as the build runs it: read, skip other subjects, write per-patient files.</summary>
    public static Timing TablePass(string table, IReadOnlyList<long> cohort, string outDir, long uncompressed)
    {
        if (Directory.Exists(outDir))
            Directory.Delete(outDir, recursive: true);
        var slots = cohort.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var job = new FanOutJob(table, reader => RowRouters.ByNumber(reader.Column("subject_id"), slots),
            slot => Path.Combine(outDir, "patient_" + cohort[slot].ToString(CultureInfo.InvariantCulture), "table.csv"));
        TableFanOut.Run(job, CancellationToken.None);
        var timing = new Timing(clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, uncompressed);
        Directory.Delete(outDir, recursive: true);
        return timing;
    }

    /// <summary>(b) <c>mimiceye build --images none</c> as a child process under /usr/bin/time (peak RSS).</summary>
    public static BuildTiming Build(string mimiceye, string source, string output, int jobs)
    {
        if (Directory.Exists(output))
            Directory.Delete(output, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        var (seconds, cpu, rss, _) = Timed(mimiceye, ["build", "--source", source, "--out", output, "--images", "none",
            "--jobs", jobs.ToString(CultureInfo.InvariantCulture), "--no-progress", "-v", "Warning"], output + ".time");
        return new BuildTiming(seconds, cpu, rss, PhaseSeconds(Path.Combine(output, "build.json")));
    }

    /// <summary>Runs a program under /usr/bin/time: wall s, CPU s (user + sys), peak RSS KB, and its output.</summary>
    static (double Seconds, double CpuSeconds, long PeakRssKb, string Stdout) Timed(string program, IEnumerable<string> args, string timeFile)
    {
        var start = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])["-f", "%e %U %S %M", "-o", timeFile, program, .. args])
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start /usr/bin/time");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{Path.GetFileName(program)} {args.First()} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        var fields = File.ReadAllLines(timeFile).Last().Split(' ');
        File.Delete(timeFile);
        double Number(int i) => double.Parse(fields[i], CultureInfo.InvariantCulture);
        return (Number(0), Number(1) + Number(2), long.Parse(fields[3], CultureInfo.InvariantCulture), stdout.Result);
    }

    static Dictionary<string, double> PhaseSeconds(string buildJson)
    {
        var phases = new Dictionary<string, double>(StringComparer.Ordinal);
        using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(buildJson));
        if (doc.RootElement.TryGetProperty("phases", out var all))
        {
            foreach (var phase in all.EnumerateObject())
            {
                if (phase.Value.TryGetProperty("seconds", out var s))
                    phases[phase.Name] = s.GetDouble();
            }
        }
        return phases;
    }

    /// <summary>(c) The peer: DuckDB copies the cohort's rows of one table with read_csv, on <paramref name="threads"/> threads.</summary>
    public static Timing DuckDb(string table, IReadOnlyList<long> cohort, string output, int threads, long uncompressed)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using (var connection = new DuckDBConnection("DataSource=:memory:"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SET threads={threads}; CREATE TABLE ids(id BIGINT); INSERT INTO ids VALUES "
                + string.Join(',', cohort.Select(id => $"({id.ToString(CultureInfo.InvariantCulture)})")) + ";";
            command.ExecuteNonQuery();
            command.CommandText = $"COPY (SELECT * FROM read_csv('{table}', all_varchar=true) WHERE CAST(subject_id AS BIGINT) IN (SELECT id FROM ids)) "
                + $"TO '{output}' (HEADER)";
            command.ExecuteNonQuery();
        }
        var timing = new Timing(clock.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds, uncompressed);
        File.Delete(output);
        return timing;
    }

    /// <summary>What <c>mimiceye --version</c> prints (the version and the commit it was built from).</summary>
    public static string Version(string mimiceye)
    {
        using var process = Process.Start(new ProcessStartInfo(mimiceye, "--version") { RedirectStandardOutput = true })
            ?? throw new InvalidOperationException("cannot start mimiceye");
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version;
    }

    /// <summary>The 1-, 5- and 15-minute load averages: other work on the machine skews wall times.</summary>
    public static string Load() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3]);
}
