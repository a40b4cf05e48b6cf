using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.EndToEnd;

/// <summary>After a build of the samples, every per-patient clinical file holds exactly the source records of
/// that subject, byte for byte and in source order (quoted fields with commas and line breaks included),
/// and every cohort patient with source rows has the file.</summary>
public class ClinicalRowsTests
{
    static List<string> Records(string path, Func<CsvTableReader, bool> keep)
    {
        using var reader = CsvFiles.Read(path);
        var records = new List<string>();
        while (reader.Read())
        {
            if (keep(reader))
                records.Add(System.Text.Encoding.UTF8.GetString(reader.RawRecord));
        }
        return records;
    }

    [Fact]
    public void Per_patient_clinical_rows_equal_the_source_rows_of_the_subject()
    {
        using var temp = new TempDir("rows");
        var output = temp.Sub("out");
        Assert.Equal(0, CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", output, "--images", "none").ExitCode);
        var layout = new OutputLayout(output);
        var sources = SourceLayout.Discover(SourceOptions.FromSource(RepoPaths.Samples));
        var subjects = Directory.GetDirectories(output, "patient_*").Select(d => Path.GetFileName(d)["patient_".Length..]).ToList();
        Assert.Equal(14, subjects.Count);
        var checkedFiles = 0;
        foreach (var table in ClinicalTables.For(compat: false).Where(t => t.PerPatient))
        {
            var source = sources[table.Source.Project]!.FindTable(table.Source)!;
            foreach (var subject in subjects)
            {
                var expected = Records(source, r => r.GetString(r.Column("subject_id")) == subject);
                var path = layout.PatientTable(subject, table.Module, table.Name);
                if (expected.Count == 0)
                {
                    Assert.False(File.Exists(path), $"{path} exists but the source has no rows of {subject}");
                    continue;
                }
                Assert.Equal(expected, Records(path, _ => true));
                checkedFiles++;
            }
        }
        Assert.True(checkedFiles > 150, $"only {checkedFiles} files compared");
    }
}
