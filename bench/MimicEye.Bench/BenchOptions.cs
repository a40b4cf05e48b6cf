using System.Globalization;

namespace MimicEye.Bench;

/// <summary>What to run. Sizes are given for scale 1 and multiplied by the scale (1, 2 and 4): rows AND
/// subjects, so every scale is a smaller MIMIC-IV of the real one's density. MIMIC-IV 3.1 has about 2,000
/// labevents + chartevents rows per subject (158 M + 433 M rows, ~300,000 subjects, sources.md). Scale 1 is
/// the issue's large source, 5.2 GB of uncompressed labevents + chartevents (51 M rows for 25,600 subjects),
/// and 2x and 4x are that input doubled and quadrupled (up to 21 GB: 204 M rows, a third of real MIMIC-IV's
/// labevents + chartevents). The cohort is 1 % of the subjects, as MIMIC-Eye's ~3,700 of MIMIC-IV's ~300,000.
/// <c>--dense</c> keeps the subjects at 300,000 whatever the scale (12 times MIMIC-IV's subjects per row at
/// scale 1): a stress case for the per-patient files, which then outnumber the data.</summary>
sealed record BenchOptions
{
    public bool Quick { get; init; }
    public int Patients { get; init; } = 256;
    public int OtherPatients { get; init; } = 25_344;
    public bool Dense { get; init; }
    public long LabRows { get; init; } = 24_000_000;
    public long ChartRows { get; init; } = 27_000_000;
    public int[] Scales { get; init; } = [1, 2, 4];
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public string Data { get; init; } = Path.Combine("bench", "data");
    public string Results { get; init; } = Path.Combine("bench", "results");
    public string MimicEye { get; init; } = "";
    public bool SkipDuckDb { get; init; }

    /// <summary>Where the builds write: a tmpfs by default, so (b) measures mimiceye and not the disk's
    /// file-creation cost (bench/README.md); <c>--out-root</c> picks another place, <c>--disk-check</c> adds
    /// one build with its output on the disk of bench/data.</summary>
    public string OutRoot { get; init; } = Directory.Exists("/dev/shm") ? "/dev/shm/mimiceye-bench" : Path.Combine("bench", "data");

    public bool DiskCheck { get; init; }

    /// <summary>Floor/build pairs per scale, run one after the other; the table shows the pair with the median
    /// b/a and the range of all pairs. Wall times on a shared machine move about 10 % from run to run, and
    /// single pairs of one run spread over 0.9-1.4: five pairs give a steadier median than three.</summary>
    public int Repeat { get; init; } = 5;

    /// <summary>How the measured mimiceye was compiled (bench/run.sh: native AOT, or ReadyToRun), for the report.</summary>
    public string Flavor { get; init; } = "as given";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options with { Quick = true, Repeat = 1, Patients = 12, OtherPatients = 288, LabRows = 300_000, ChartRows = 300_000 },
                "--dense" => options with { Dense = true, Patients = 3_000, OtherPatients = 297_000 },
                "--jobs" => options with { Jobs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--data" => options with { Data = Next() },
                "--results" => options with { Results = Next() },
                "--mimiceye" => options with { MimicEye = Next() },
                "--scales" => options with { Scales = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--no-duckdb" => options with { SkipDuckDb = true },
                "--out-root" => options with { OutRoot = Next() },
                "--disk-check" => options with { DiskCheck = true },
                "--flavor" => options with { Flavor = Next() },
                "--repeat" => options with { Repeat = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)) },
                _ => throw new ArgumentException($"unknown option {args[i]} (see bench/README.md)"),
            };
        }
        if (options.MimicEye.Length == 0)
            throw new ArgumentException("--mimiceye <path of the Release mimiceye binary> is required (bench/run.sh passes it)");
        return options;
    }

    public string Name(int scale) => $"{(Quick ? "quick" : Dense ? "dense" : "full")}-x{scale}";

    /// <summary>Cohort subjects at a scale (the dense case keeps them fixed).</summary>
    public int PatientsAt(int scale) => Dense ? Patients : Patients * scale;

    public int OtherPatientsAt(int scale) => Dense ? OtherPatients : OtherPatients * scale;
}
