using System.Globalization;

namespace MimicEye.Bench;

/// <summary>What to run. Sizes are given for scale 1; the benchmark also runs scales 2 and 4. The full size
/// puts 5.2 GB of uncompressed labevents + chartevents at scale 4 (1.3 GB at scale 1); the cohort is 1 % of
/// the subjects (3,000 of 300,000, as MIMIC-Eye's ~3,700 of MIMIC-IV's ~300,000).</summary>
sealed record BenchOptions
{
    public bool Quick { get; init; }
    public int Patients { get; init; } = 3000;
    public int OtherPatients { get; init; } = 297_000;
    public long LabRows { get; init; } = 6_000_000;
    public long ChartRows { get; init; } = 6_750_000;
    public int[] Scales { get; init; } = [1, 2, 4];
    public int Jobs { get; init; } = Environment.ProcessorCount;
    public string Data { get; init; } = Path.Combine("bench", "data");
    public string Results { get; init; } = Path.Combine("bench", "results");
    public string MimicEye { get; init; } = "";
    public bool SkipDuckDb { get; init; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options with { Quick = true, Patients = 100, OtherPatients = 9_900, LabRows = 300_000, ChartRows = 300_000 },
                "--jobs" => options with { Jobs = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--data" => options with { Data = Next() },
                "--results" => options with { Results = Next() },
                "--mimiceye" => options with { MimicEye = Next() },
                "--scales" => options with { Scales = [.. Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture))] },
                "--no-duckdb" => options with { SkipDuckDb = true },
                _ => throw new ArgumentException($"unknown option {args[i]} (see bench/README.md)"),
            };
        }
        if (options.MimicEye.Length == 0)
            throw new ArgumentException("--mimiceye <path of the Release mimiceye binary> is required (bench/run.sh passes it)");
        return options;
    }

    public string Name(int scale) => $"{(Quick ? "quick" : "full")}-x{scale}";
}
