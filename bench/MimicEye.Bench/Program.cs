using System.Diagnostics;
using System.Globalization;
using System.Text;

using MimicEye.Bench;

// Issue 5's benchmark: see bench/README.md. Run through bench/run.sh, which builds mimiceye in Release.
if (args is ["floor", "--threads", var threads, .. var gzFiles])
{
    // The floor tool, run by Measure.Floor as a child process.
    Console.WriteLine(Measure.FloorTool(gzFiles, int.Parse(threads, CultureInfo.InvariantCulture)));
    return 0;
}
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("bench: " + e.Message);
    return 2;
}

var report = new StringBuilder();
void Say(string line)
{
    Console.WriteLine(line);
    report.AppendLine(line);
}

var clock = Stopwatch.StartNew();
Say($"# mimiceye benchmark ({(options.Quick ? "quick" : "full")}), {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Say("");
Say($"Machine: {Machine.Describe()}; jobs {options.Jobs}; load average at start {Measure.Load()}; mimiceye {Measure.Version(options.MimicEye)} ({options.Flavor})");
Say($"Source: `mimiceye samples --patients {options.Patients} --other-patients {options.OtherPatients}` "
    + $"(cohort {100.0 * options.Patients / (options.Patients + options.OtherPatients):0.#} % of subjects), "
    + $"scale 1 = {options.LabRows:N0} labevents + {options.ChartRows:N0} chartevents rows; scales {string.Join(", ", options.Scales)}; "
    + (options.Dense ? "subjects fixed at every scale (--dense)" : "rows and subjects both times the scale (MIMIC-IV's density, about 2,000 rows per subject)"));
Say("");

var trees = options.Scales.ToDictionary(s => s, s => Samples.Generate(options, s, Say));
Say("");
Say("## Whole build vs the floor");
Say("");
Say("(a) = GZipStream reads of every .csv.gz of the source on `jobs` threads, largest first (the bench tool as a child process); (b) = `mimiceye build --images none --jobs N` "
    + $"with --out under {options.OutRoot}. CPU s = processor time (user + sys), which other load on the machine distorts less than wall time.");
Say("");
Say($"Each scale runs {options.Repeat} floor/build pair(s) one after the other; the row shows the pair with the median b/a (peak RSS: the highest of all builds), and the last column the b/a of every pair.");
Say("");
Say("| scale | subjects (cohort) | output files | lab+chart GB | all .gz GB (uncompr.) | (a) floor s | (a) MB/s | (b) build s | (b) MB/s | b/a | (a) CPU s | (b) CPU s | b/a CPU | write phase s | other phases + finish s | (b) s/GB | (b) CPU s/GB | peak RSS MB | load | b/a of each pair |");
Say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
var builds = new Dictionary<int, (Timing Floor, BuildTiming Build, string Output)>();
foreach (var scale in options.Scales)
{
    var tree = trees[scale];
    var load = Measure.Load();
    var output = Path.Combine(options.OutRoot, options.Name(scale) + "-out");
    var pairs = Enumerable.Range(0, options.Repeat).Select(_ => (Floor: Measure.Floor(tree.GzFiles, options.Jobs), Build: Measure.Build(options.MimicEye, tree.Root, output, options.Jobs)))
        .ToList();
    var (floor, build) = pairs.OrderBy(p => p.Build.Seconds / p.Floor.Seconds).ElementAt(pairs.Count / 2);
    builds[scale] = (floor, build, output);
    var write = build.Phases.GetValueOrDefault("write");
    var gb = floor.Bytes / 1e9;
    var files = Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count();
    var each = string.Join(" ", pairs.Select(p => (p.Build.Seconds / p.Floor.Seconds).ToString("0.00", CultureInfo.InvariantCulture)));
    Say(string.Create(CultureInfo.InvariantCulture,
        $"| {scale}x | {options.PatientsAt(scale) + options.OtherPatientsAt(scale):N0} ({options.PatientsAt(scale):N0}) | {files:N0} | {tree.BigTablesBytes / 1e9:0.00} | {gb:0.00} | {floor.Seconds:0.0} | {floor.MBps:0} | {build.Seconds:0.0} | {floor.Bytes / 1e6 / build.Seconds:0} | "
        + $"**{build.Seconds / floor.Seconds:0.00}** | {floor.CpuSeconds:0.0} | {build.CpuSeconds:0.0} | **{build.CpuSeconds / floor.CpuSeconds:0.00}** | "
        + $"{write:0.0} | {build.Seconds - write:0.0} | {build.Seconds / gb:0.00} | {build.CpuSeconds / gb:0.00} | **{pairs.Max(p => p.Build.PeakRssKb) / 1024.0:0}** | {load} | {each} |"));
}

var main = options.Scales.Max();
var mainTree = trees[main];
if (options.DiskCheck)
{
    // The same build with its output on the disk of bench/data: what a user's disk adds (see bench/README.md).
    var disk = Path.GetFullPath(Path.Combine(options.Data, options.Name(main) + "-disk-out"));
    var load = Measure.Load();
    var onDisk = Measure.Build(options.MimicEye, mainTree.Root, disk, options.Jobs);
    Directory.Delete(disk, recursive: true);
    Say("");
    Say(string.Create(CultureInfo.InvariantCulture,
        $"Scale {main}x with --out on the disk ({disk}): {onDisk.Seconds:0.0} s wall, {onDisk.CpuSeconds:0.0} CPU s, b/a **{onDisk.Seconds / builds[main].Floor.Seconds:0.00}** (load {load})."));
}
var cohort = Directory.EnumerateDirectories(builds[main].Output, "patient_*")
    .Select(d => long.Parse(Path.GetFileName(d)["patient_".Length..], CultureInfo.InvariantCulture)).Order().ToList();
Say("");
Say($"## One table's pass vs one core of GZipStream (scale {main}x, {cohort.Count} cohort subjects)");
Say("");
Say("The pass is TableFanOut in-process (read, skip other subjects, write per-patient files), as the build runs it.");
Say("");
Say("| table | GB | GZipStream 1 thread s | MB/s | mimiceye pass s | MB/s | pass speed / floor speed | GZipStream CPU s | pass CPU s (2 threads) | floor CPU / pass CPU | load |");
Say("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
var passes = new Dictionary<string, Timing>();
foreach (var table in new[] { mainTree.LabEvents, mainTree.ChartEvents })
{
    var load = Measure.Load();
    var floor = Measure.InflateHere(table);
    var pass = Measure.TablePass(table, cohort, Path.Combine(options.OutRoot, "pass-out"), floor.Bytes);
    passes[table] = pass;
    Say(string.Create(CultureInfo.InvariantCulture,
        $"| {Path.GetFileName(table)} | {floor.Bytes / 1e9:0.00} | {floor.Seconds:0.0} | {floor.MBps:0} | {pass.Seconds:0.0} | {pass.MBps:0} | **{floor.Seconds / pass.Seconds:0.00}** | {floor.CpuSeconds:0.0} | {pass.CpuSeconds:0.0} | {floor.CpuSeconds / pass.CpuSeconds:0.00} | {load} |"));
}

if (!options.SkipDuckDb)
{
    Say("");
    Say($"## The peer: DuckDB.NET copying the cohort's labevents rows (scale {main}x)");
    Say("");
    Say("`COPY (SELECT * FROM read_csv('labevents.csv.gz', all_varchar=true) WHERE CAST(subject_id AS BIGINT) IN (SELECT id FROM ids)) TO 'out.csv' (HEADER)`, threads = jobs.");
    Say("");
    Say("| what | s | MB/s | c/b (DuckDB time per GB / mimiceye time per GB) | load |");
    Say("|---|---:|---:|---:|---|");
    var load = Measure.Load();
    var lab = passes[mainTree.LabEvents];
    var duck = Measure.DuckDb(mainTree.LabEvents, cohort, Path.Combine(options.Data, "duckdb-out.csv"), options.Jobs, lab.Bytes);
    var (floor, build, _) = builds[main];
    Say(string.Create(CultureInfo.InvariantCulture, $"| (c) DuckDB, labevents | {duck.Seconds:0.0} | {duck.MBps:0} | | {load} |"));
    Say(string.Create(CultureInfo.InvariantCulture, $"| vs mimiceye's labevents pass | {lab.Seconds:0.0} | {lab.MBps:0} | **{duck.Seconds / lab.Seconds:0.0}** | |"));
    Say(string.Create(CultureInfo.InvariantCulture,
        $"| vs mimiceye's whole build | {build.Seconds:0.0} | {floor.Bytes / 1e6 / build.Seconds:0} | **{duck.Seconds / lab.Bytes / (build.Seconds / floor.Bytes):0.0}** | |"));
}

Say("");
Say($"Total benchmark time {clock.Elapsed.TotalMinutes:0.0} min; load average at the end {Measure.Load()}.");
foreach (var (_, (_, _, output)) in builds)
    Directory.Delete(output, recursive: true);
Directory.CreateDirectory(options.Results);
var file = Path.Combine(options.Results, $"{options.Name(main)}-{DateTime.UtcNow:yyyyMMdd-HHmm}.md");
File.WriteAllText(file, report.ToString());
Console.WriteLine($"(written to {file})");
return 0;
