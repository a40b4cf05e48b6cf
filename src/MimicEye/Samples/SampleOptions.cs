using MimicEye.Pipeline;

namespace MimicEye.Samples;

/// <summary>What to generate. <see cref="Patients"/> is the cohort size (subjects with EGD-CXR or REFLACX
/// images); <see cref="OtherPatients"/> (default max(100, 10 × Patients)) only fill the clinical tables.
/// <see cref="LabRows"/>/<see cref="ChartRows"/> size the two big streamed tables.</summary>
sealed record SampleOptions(string To)
{
    public const int DefaultPatients = 14;
    public const ulong DefaultSeed = 2023;
    public const long DefaultLabRows = 3000, DefaultChartRows = 3000;

    public int Patients { get; init; } = DefaultPatients;
    public ulong Seed { get; init; } = DefaultSeed;
    public long LabRows { get; init; } = DefaultLabRows;
    public long ChartRows { get; init; } = DefaultChartRows;
    public int? OtherPatients { get; init; }

    public int ResolvedOtherPatients => OtherPatients ?? Math.Max(100, 10 * Patients);

    public void Validate()
    {
        if (Patients < SampleScenarios.Count)
            throw new MimicEyeException($"--patients must be at least {SampleScenarios.Count}: the scripted subjects that carry the quirks");
        if (ResolvedOtherPatients < 1)
            throw new MimicEyeException("--other-patients must be at least 1 (one of them shares an ED stay time with a cohort study)");
        if ((long)Patients + ResolvedOtherPatients > SampleIds.MaxSubjects)
            throw new MimicEyeException($"--patients plus --other-patients must stay below {SampleIds.MaxSubjects} (the 3xxxxxxx stay_id space)");
        if (LabRows < 0 || ChartRows < 0)
            throw new MimicEyeException("--lab-rows and --chart-rows cannot be negative");
    }
}

/// <summary>What a run wrote, for the CLI and for tests and benchmarks calling the generator in-process.</summary>
sealed record SampleSummary(
    string Root,
    ulong Seed,
    int CohortPatients,
    int OtherPatients,
    int CohortImages,
    int CohortStudies,
    int Jpegs,
    int ReflacxReadings,
    int EgdImages,
    long LabRows,
    long ChartRows,
    int Files,
    long Bytes);
