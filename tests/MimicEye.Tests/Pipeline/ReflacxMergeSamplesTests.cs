using System.Globalization;

using MimicEye.Csv;
using MimicEye.Pipeline.ReflacxMerge;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Pipeline;

/// <summary>The merge over both label sets of the samples: every merged cell is the max / OR / join of its
/// source cells, read back from the source files independently.</summary>
public class ReflacxMergeSamplesTests
{
    static Dictionary<string, Dictionary<string, string>> ById(string path)
    {
        using var reader = CsvFiles.Read(path);
        var id = reader.Column("id");
        var rows = new Dictionary<string, Dictionary<string, string>>();
        while (reader.Read())
            rows[reader.GetString(id)] = reader.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => reader.GetString(p.i));
        return rows;
    }

    [Fact]
    public void Merged_metadata_applies_max_or_and_join_over_both_label_sets()
    {
        using var temp = new TempDir("reflacx");
        var result = CliRunner.Run("reflacx", "--source", RepoPaths.Samples, "--out", temp.Path);
        Assert.True(result.ExitCode == 0, result.Error);
        var merged = ById(Path.Combine(temp.Path, "spreadsheets", "REFLACX", "metadata.csv"));
        var main = Path.Combine(RepoPaths.Samples, "physionet.org", "files", "reflacx-xray-localization", "1.0.0", "main_data");
        var sources = Enumerable.Range(1, 3).SelectMany(p => ById(Path.Combine(main, $"metadata_phase_{p}.csv"))).ToDictionary();
        Assert.Equal(sources.Count, merged.Count);
        Assert.Equal(ReflacxLabels.LeadingColumns.Concat(ReflacxLabels.MergedClasses), merged.First().Value.Keys);
        var phase1 = 0;
        foreach (var (id, row) in merged)
        {
            var source = sources[id];
            foreach (var target in ReflacxLabels.MergedClasses)
            {
                var values = source.Where(kv => ReflacxLabels.Target(kv.Key) == target && !ReflacxLabels.LeadingColumns.Contains(kv.Key)).Select(kv => kv.Value).ToList();
                string expected = values.Count == 0 ? ""
                    : target == "Other" ? string.Join('|', values.SelectMany(v => v.Split('|')).Where(v => v.Length > 0).Distinct())
                    : ReflacxLabels.IsBoolean(target) ? (values.Contains("True") ? "True" : "False")
                    : values.Select(v => double.Parse(v, CultureInfo.InvariantCulture)).Max().ToString(CultureInfo.InvariantCulture);
                Assert.True(expected == row[target], $"{id} {target}: expected {expected}, got {row[target]}");
            }
            if (source.ContainsKey("Mass"))
                phase1++;
        }
        Assert.True(phase1 > 0);
    }

    [Fact]
    public void Ellipse_files_in_patient_folders_carry_the_merged_classes()
    {
        using var temp = new TempDir("ellipses");
        Assert.Equal(0, CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", temp.Path, "--images", "none").ExitCode);
        var ellipses = Directory.GetFiles(temp.Path, "anomaly_location_ellipses.csv", SearchOption.AllDirectories);
        Assert.NotEmpty(ellipses);
        var main = Path.Combine(RepoPaths.Samples, "physionet.org", "files", "reflacx-xray-localization", "1.0.0", "main_data");
        foreach (var file in ellipses)
        {
            using var merged = CsvFiles.Read(file);
            Assert.Equal(ReflacxLabels.EllipseLeadingColumns.Concat(ReflacxLabels.MergedClasses), merged.Headers);
            using var source = CsvFiles.Read(Path.Combine(main, Path.GetFileName(Path.GetDirectoryName(file))!, "anomaly_location_ellipses.csv"));
            var target = merged.Column("Lung nodule or mass");
            var parts = new[] { "Mass", "Nodule", "Lung nodule or mass" }.Select(source.TryColumn).OfType<int>().ToList();
            while (merged.Read())
            {
                Assert.True(source.Read());
                Assert.Equal(parts.Any(p => source.GetString(p) == "True") ? "True" : "False", merged.GetString(target));
                Assert.Equal(source.GetString(source.Column("certainty")), merged.GetString(merged.Column("certainty")));
            }
            Assert.False(source.Read());
        }
    }
}
