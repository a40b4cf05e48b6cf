using MimicEye.Tests.Support;

namespace MimicEye.Tests.Diffing;

/// <summary>End to end over real builds of the synthetic samples: what differs between the rule sets, and
/// nothing between two builds with the same options.</summary>
public class SamplesDiffTests
{
    [Fact]
    public void Default_and_compat_builds_of_the_samples_differ_as_the_rule_sets_say_and_a_rebuild_is_equal()
    {
        using var dir = new TempDir("diff-samples");
        Assert.Equal(0, CliRunner.Run("samples", "--to", dir.Sub("src")).ExitCode);
        var source = dir.Sub("src", "physionet.org", "files");
        Assert.Equal(0, CliRunner.Run("build", "--source", source, "--out", dir.Sub("default")).ExitCode);
        Assert.Equal(0, CliRunner.Run("build", "--source", source, "--out", dir.Sub("again")).ExitCode);
        Assert.Equal(0, CliRunner.Run("build", "--source", source, "--out", dir.Sub("compat"), "--compat", "mimic-eye-1.0").ExitCode);

        var same = CliRunner.Run("diff", dir.Sub("default"), dir.Sub("again"));
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("0 only in A, 0 only in B, 0 differ,", same.Out);

        var rules = CliRunner.Run("diff", dir.Sub("default"), dir.Sub("compat"));
        Assert.Equal(1, rules.ExitCode);
        // compat leaves patients.csv out of the patient folders and writes pandas' index column (SPEC §4, §8).
        Assert.Matches(@"Only in A \(\d+\):\n(  .*\n)*  patient_\*/Hosp/patients\.csv \(\d+ files\)\n", rules.Out);
        Assert.Matches(@"  patient_\*/Hosp/admissions\.csv \(\d+ files\): same rows; index column only in B\n", rules.Out);
        Assert.Contains("Images whose stay_id differs in spreadsheets/cxr_meta.csv: ", rules.Out);
        Assert.Matches(@"\n  inside -> none/\w+: \d+\n", rules.Out);
    }
}
