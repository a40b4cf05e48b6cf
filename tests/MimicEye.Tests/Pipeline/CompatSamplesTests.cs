using MimicEye.Csv;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Pipeline;

/// <summary>The published build's defects, reproduced on the samples by --compat mimic-eye-1.0.</summary>
public class CompatSamplesTests
{
    static readonly Lazy<string> s_compat = new(() =>
    {
        var dir = Path.Combine(Path.GetTempPath(), "mimiceye-tests", "compat-" + Guid.NewGuid().ToString("N")[..8]);
        var result = CliRunner.Run("build", "--source", RepoPaths.Samples, "--out", dir, "--compat", "mimic-eye-1.0");
        Assert.True(result.ExitCode == 0, result.Error);
        return dir;
    });

    static List<string[]> Rows(string path)
    {
        using var reader = CsvFiles.Read(path);
        var rows = new List<string[]>();
        rows.Add([.. reader.Headers]);
        while (reader.Read())
            rows.Add(reader.GetAll());
        return rows;
    }

    [Fact]
    public void Spreadsheet_eye_gaze_holds_the_fixations_table()
    {
        var sheets = Path.Combine(s_compat.Value, "spreadsheets", "EyeGaze");
        Assert.Equal(File.ReadAllBytes(Path.Combine(sheets, "fixations.csv")), File.ReadAllBytes(Path.Combine(sheets, "eye_gaze.csv")));
    }

    [Fact]
    public void No_study_before_ten_gets_a_stay_and_study_numbers_are_unpadded()
    {
        var rows = Rows(Path.Combine(s_compat.Value, "spreadsheets", "cxr_meta.csv"));
        var header = rows[0].ToList();
        Assert.Equal("", header[0]);
        int time = header.IndexOf("StudyTime"), date = header.IndexOf("StudyDate"), number = header.IndexOf("StudyDateTime"), stay = header.IndexOf("stay_id");
        var early = rows.Skip(1).Where(r => double.Parse(r[time], System.Globalization.CultureInfo.InvariantCulture) < 100000).ToList();
        Assert.NotEmpty(early);
        Assert.All(early, r => Assert.Equal("", r[stay]));
        Assert.All(early, r => Assert.True(r[number].Split('.')[0].Length < 14, r[number]));
        Assert.All(rows.Skip(1), r => Assert.StartsWith(r[date], r[number], StringComparison.Ordinal));
    }

    [Fact]
    public void Master_sheet_stay_ids_are_written_as_python_floats_or_nan()
    {
        var rows = Rows(Path.Combine(s_compat.Value, "spreadsheets", "EyeGaze", "master_sheet_with_updated_stayId.csv"));
        var stay = Array.IndexOf(rows[0], "stay_id");
        Assert.All(rows.Skip(1), r => Assert.Matches(@"^(nan|\d+\.0)$", r[stay]));
        Assert.Contains(rows.Skip(1), r => r[stay] == "nan");
    }

    [Fact]
    public void Patient_folders_have_no_patients_table_and_fixations_lose_trimmed_ids()
    {
        var patients = Directory.GetDirectories(s_compat.Value, "patient_*");
        Assert.NotEmpty(patients);
        Assert.All(patients, p => Assert.False(File.Exists(Path.Combine(p, "Hosp", "patients.csv"))));
        var fixations = patients.Select(p => Path.Combine(p, "EyeGaze", "fixations.csv")).Where(File.Exists).SelectMany(f => Rows(f).Skip(1)).ToList();
        var idColumn = Array.IndexOf(Rows(Path.Combine(s_compat.Value, "spreadsheets", "EyeGaze", "fixations.csv"))[0], "DICOM_ID");
        Assert.All(fixations, r => Assert.Equal(44, r[idColumn].Length));
    }

    [Fact]
    public void Reflacx_metadata_keeps_the_raw_union_and_per_phase_row_numbers()
    {
        var rows = Rows(Path.Combine(s_compat.Value, "spreadsheets", "REFLACX", "metadata.csv"));
        Assert.Contains("Mass", rows[0]);
        Assert.Contains("Lung nodule or mass", rows[0]);
        Assert.Equal(26, rows[0].Length - 9);
        var zeros = rows.Skip(1).Count(r => r[0] == "0");
        Assert.Equal(3, zeros);
    }
}
