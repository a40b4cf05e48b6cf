namespace MimicEye.Tests.Reliability;

/// <summary>SPEC §9: ids that name folders are validated, so a crafted table cannot make mimiceye write
/// outside --out (or read outside the source). Each hostile id is refused as an UnsafeId issue naming the
/// file and line; everything else is built; the folder around --out is untouched.</summary>
public class UnsafeIdTests
{
    static readonly IReadOnlyList<CohortImage> s_cohort = ReliabilitySamples.Cohort();
    const string Phase1 = "reflacx-xray-localization/1.0.0/main_data/metadata_phase_1.csv";

    /// <summary>Hostile values by name (a NUL in theory data would not survive test discovery).</summary>
    static readonly Dictionary<string, string> s_values = new()
    {
        ["dot-dot"] = "../../../../escape",
        ["slash"] = "x/escape",
        ["backslash"] = "x\\escape",
        ["NUL"] = "1\0",
        ["empty"] = "",
    };

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var field in new[] { "subject_id", "study_id", "dicom_id", "reflacx id", "EGD folder" })
        {
            foreach (var name in s_values.Keys)
                data.Add(field, name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_hostile_id_is_refused_and_nothing_is_written_outside_the_output(string field, string kind)
    {
        var value = s_values[kind];
        using var bad = new BadSource("unsafe-id");
        switch (field)
        {
            case "subject_id" or "study_id":
                var image = s_cohort.First(i => i.InReflacx && !i.InEyeGaze);
                bad.EditRow(BadSource.Metadata, "dicom_id", image.DicomId, (fields, at) => fields[at(field)] = value, "PerformedProcedureStepDescription");
                break;
            case "dicom_id":
                var reflacx = s_cohort.First(i => i.InReflacx && !i.InEyeGaze);
                bad.EditRow(BadSource.Metadata, "dicom_id", reflacx.DicomId, (fields, at) => fields[at("dicom_id")] = value, "PerformedProcedureStepDescription");
                foreach (var phase in Directory.GetFiles(Path.GetDirectoryName(bad.File(Phase1))!, "metadata_phase_*.csv"))
                    Replace(phase, reflacx.DicomId, value);
                break;
            case "reflacx id":
                var lines = bad.Lines(Phase1);
                var id = lines[1].Split(',')[0];
                Replace(bad.File(Phase1), id + ",", value + ",");
                Replace(bad.File(Phase1), ",train,", "," + BadSource.Sentinel + ",");
                break;
            default:
                var egd = s_cohort.First(i => i.InEyeGaze && !i.InReflacx);
                bad.EditRow(BadSource.Metadata, "dicom_id", egd.DicomId, (fields, at) => fields[at("dicom_id")] = value, "PerformedProcedureStepDescription");
                foreach (var table in Directory.GetFiles(Path.GetDirectoryName(bad.File(BadSource.MasterSheet))!, "*.csv"))
                    Replace(table, egd.DicomId, value);
                break;
        }
        var before = bad.Snapshot();

        var result = bad.Build();

        Assert.True(result.ExitCode is 0 or 1 && !result.Error.Contains("   at ", StringComparison.Ordinal), $"exit {result.ExitCode}:\n{result.Error}");
        Assert.Equal(before, bad.Snapshot());
        BadSource.AssertNoSentinel(result);
        Assert.DoesNotContain(bad.Written(), f => f.Contains("escape", StringComparison.Ordinal) || f.Contains('\0'));
        Assert.True(bad.ReportedIssues().GetValueOrDefault("UnsafeId") >= 1, $"no UnsafeId issue:\n{result.Error}");
        Assert.Matches(@"UnsafeId: \d+ \(.*\): [^ ]+\.csv, line \d+: ", result.Error);
    }

    [Fact]
    public void A_subject_id_too_short_for_its_image_bucket_is_refused_not_a_crash()
    {
        using var bad = new BadSource("short-subject");
        var image = s_cohort.First(i => i.InReflacx && !i.InEyeGaze);
        bad.EditRow(BadSource.Metadata, "dicom_id", image.DicomId, (fields, at) => fields[at("subject_id")] = "07", "PerformedProcedureStepDescription");

        var result = bad.Build();

        Assert.True(result.ExitCode == 1 && !result.Error.Contains("   at ", StringComparison.Ordinal), $"exit {result.ExitCode}:\n{result.Error}");
        Assert.Contains("UnsafeId: 1 ", result.Error);
        Assert.Contains("spreadsheets/cxr_meta.csv, line ", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.False(Directory.Exists(Path.Combine(bad.Out, "patient_7")) || Directory.Exists(Path.Combine(bad.Out, "patient_07")));
    }

    [Fact]
    public void A_reflacx_subject_id_with_leading_zeros_lands_in_the_patients_own_folder()
    {
        using var bad = new BadSource("zero-subject");
        var image = s_cohort.First(i => i.InReflacx);
        foreach (var phase in Directory.GetFiles(Path.GetDirectoryName(bad.File(Phase1))!, "metadata_phase_*.csv"))
            Replace(phase, "," + image.SubjectId + ",", ",00" + image.SubjectId + ",");

        var result = bad.Build();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(Directory.GetDirectories(ReliabilitySamples.Reference, "patient_*").Select(Path.GetFileName).Order(),
            Directory.GetDirectories(bad.Out, "patient_*").Select(Path.GetFileName).Order());
        var readings = Path.Combine("patient_" + image.SubjectId, "REFLACX", "main_data");
        Assert.Equal(Directory.GetDirectories(Path.Combine(ReliabilitySamples.Reference, readings)).Select(Path.GetFileName),
            Directory.GetDirectories(Path.Combine(bad.Out, readings)).Select(Path.GetFileName));
    }

    /// <summary>Replaces text in a plain (uncompressed) source table, byte for byte elsewhere.</summary>
    static void Replace(string path, string from, string to)
    {
        var text = File.ReadAllText(path, BadSource.Bytes);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal), BadSource.Bytes);
    }
}
