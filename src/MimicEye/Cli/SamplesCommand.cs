using System.CommandLine;

using MimicEye.Samples;

namespace MimicEye.Cli;

/// <summary><c>mimiceye samples</c>: writes the synthetic source tree (Samples/SampleGenerator).</summary>
sealed class SamplesCommand : MimicEyeCommand
{
    readonly Option<DirectoryInfo> _to = new("--to")
    {
        Description = "Folder to write the tree into. It must be absent, empty, or hold a previous samples tree (a README.md "
            + "whose first line is the samples marker): then its README.md and physionet.org/ are replaced and nothing else is "
            + "touched. Any other non-empty folder is refused.",
        HelpName = "dir",
        Required = true,
    };

    readonly Option<int> _patients = new("--patients")
    {
        Description = $"Cohort subjects (with EGD-CXR or REFLACX images); the first {SampleScenarios.Count} carry the scripted quirks",
        HelpName = "n",
        DefaultValueFactory = _ => SampleOptions.DefaultPatients,
    };

    readonly Option<int?> _otherPatients = new("--other-patients")
    {
        Description = "Subjects outside the cohort, who fill the clinical tables [default: max(100, 10 x --patients)]",
        HelpName = "n",
    };

    readonly Option<ulong> _seed = new("--seed")
    {
        Description = "Seed of the generator: the same seed and sizes give byte-identical trees",
        HelpName = "s",
        DefaultValueFactory = _ => SampleOptions.DefaultSeed,
    };

    readonly Option<long> _labRows = new("--lab-rows")
    {
        Description = "Rows of hosp/labevents, streamed (e.g. 50000000 for a benchmark)",
        HelpName = "n",
        DefaultValueFactory = _ => SampleOptions.DefaultLabRows,
    };

    readonly Option<long> _chartRows = new("--chart-rows")
    {
        Description = "Rows of icu/chartevents, streamed",
        HelpName = "n",
        DefaultValueFactory = _ => SampleOptions.DefaultChartRows,
    };

    public SamplesCommand() : base("samples", "Write a synthetic PhysioNet source tree (MIMIC-IV, MIMIC-IV-ED, MIMIC-CXR(-JPG), REFLACX, "
        + "EGD-CXR) with every quirk mimiceye handles; small by default, arbitrarily large for benchmarks", "mimiceye samples --to samples")
    {
        Options.Add(_to);
        Options.Add(_patients);
        Options.Add(_otherPatients);
        Options.Add(_seed);
        Options.Add(_labRows);
        Options.Add(_chartRows);
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var options = new SampleOptions(parse.GetValue(_to)!.FullName)
        {
            Patients = parse.GetValue(_patients),
            OtherPatients = parse.GetValue(_otherPatients),
            Seed = parse.GetValue(_seed),
            LabRows = parse.GetValue(_labRows),
            ChartRows = parse.GetValue(_chartRows),
        };
        var s = SampleGenerator.Generate(options, context.Log, cancel);
        context.Out.WriteLine($"samples: {s.Root}");
        context.Out.WriteLine($"  seed {s.Seed}: {s.CohortPatients} cohort subjects ({s.CohortImages} cohort images in {s.CohortStudies} studies, "
            + $"{s.Jpegs} JPGs, {s.ReflacxReadings} REFLACX readings, {s.EgdImages} EGD-CXR images), {s.OtherPatients} other subjects");
        context.Out.WriteLine($"  labevents {s.LabRows} rows, chartevents {s.ChartRows} rows; {s.Files} files, {s.Bytes} bytes");
        return MimicEyeCli.Success;
    }
}
