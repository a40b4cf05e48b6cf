using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>What every table writer needs: the plan, the output, the shared dictionaries, the paths of
/// the projects (PhysioNet slugs and versions as a <c>wget -r</c> of physionet.org leaves them).</summary>
sealed class SampleContext(SamplePlan plan, SampleOutput output, CancellationToken cancel)
{
    public const string Files = "physionet.org/files";

    public SamplePlan Plan { get; } = plan;
    public SampleOutput Output { get; } = output;
    public CancellationToken Cancel { get; } = cancel;
    public ulong Seed => Plan.Options.Seed;
    public string[] Providers { get; } = SampleDictionaries.Providers(plan.Options.Seed);
    public int[] Caregivers { get; } = SampleDictionaries.Caregivers(plan.Options.Seed);

    /// <summary>The version folder of a project, relative to the samples root.</summary>
    public static string Project(ProjectKind kind) => $"{Files}/{ProjectKinds.FolderNames(kind)[0]}/{Version(kind)}";

    public static string Version(ProjectKind kind) => kind switch
    {
        ProjectKind.MimicIv or ProjectKind.MimicIvEd => "2.2",
        ProjectKind.CxrJpg or ProjectKind.CxrReports => "2.0.0",
        _ => "1.0.0",
    };

    /// <summary>The .csv.gz of a catalogued MIMIC-IV / MIMIC-IV-ED / MIMIC-CXR-JPG table.</summary>
    public static string Table(ProjectKind kind, string relativePath) =>
        $"{Project(kind)}/{SourceTables.Find(kind, relativePath).RelativePath}.csv.gz";

    public Prng Rng(string table, long index = 0) => Prng.Derive(Seed, table, index);

    public string Provider(Prng rng) => rng.Pick(Providers);

    public int Caregiver(Prng rng) => rng.Pick(Caregivers);
}
