namespace MimicEye.Tests.Reliability;

/// <summary>Issue 6 §4: a data problem in a single row does not stop the build; it becomes a coded issue,
/// named by file, line or row and id in the log, and counted in REPORT.md. The row's clinical values never
/// appear in a message.</summary>
public class BadRowTests
{
    static readonly IReadOnlyList<CohortImage> s_cohort = ReliabilitySamples.Cohort();

    [Theory]
    [InlineData("StudyDate", "2148-05-05")]
    [InlineData("StudyDate", "21481305")]
    [InlineData("StudyTime", "256101.5")]
    [InlineData("StudyTime", "noon")]
    public void An_unparseable_study_time_is_a_coded_issue_counted_in_the_report(string column, string value)
    {
        using var bad = new BadSource("study-time");
        var image = s_cohort.First(i => i.StayId.Length > 0);
        bad.EditRow(BadSource.Metadata, "dicom_id", image.DicomId, (fields, at) => fields[at(column)] = value, "PerformedProcedureStepDescription");

        var result = bad.Build();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"[{image.DicomId}]: StudyDate/StudyTime cannot be parsed", result.Error);
        Assert.Contains("mimic-cxr-2.0.0-metadata, row ", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.Equal(1, bad.ReportedIssues()["BadStudyTime"]);
        var audit = File.ReadAllLines(Path.Combine(bad.Out, "spreadsheets", "stay_matching.csv")).Single(l => l.StartsWith(image.DicomId, StringComparison.Ordinal));
        Assert.EndsWith(",,none,bad_time,", audit);
    }

    [Theory]
    [InlineData("intime", "yesterday", "BadStayTime", "intime or outtime is not YYYY-MM-DD HH:MM:SS")]
    [InlineData("outtime", "2000-01-01 00:00:00", "StayEndsBeforeStart", "outtime precedes intime")]
    public void An_unusable_ed_stay_is_a_coded_issue_counted_in_the_report(string column, string value, string code, string message)
    {
        using var bad = new BadSource("stay-time");
        var image = s_cohort.First(i => i.StayId.Length > 0);
        var line = bad.EditRow(BadSource.EdStays, "stay_id", image.StayId, (fields, at) => fields[at(column)] = value, "disposition");

        var result = bad.Build();

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains($"{bad.File(BadSource.EdStays)}, line {line} [stay {image.StayId}]: {message}", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.Equal(1, bad.ReportedIssues()[code]);
        // The stay is no longer matched by the default rules.
        Assert.DoesNotContain("," + image.StayId + "\n", File.ReadAllText(Path.Combine(bad.Out, "spreadsheets", "cxr_meta.csv")));
    }

    [Fact]
    public void A_duplicate_dicom_id_is_an_error_counted_in_the_report_and_the_first_row_is_used()
    {
        using var bad = new BadSource("duplicate-dicom");
        var image = s_cohort[0];
        var lines = bad.Lines(BadSource.Metadata);
        var row = lines.FindIndex(l => l.StartsWith(image.DicomId + ",", StringComparison.Ordinal));
        var copy = lines[row].Split(',');
        copy[3] = BadSource.Sentinel;
        lines.Insert(row + 1, string.Join(',', copy));
        bad.WriteLines(BadSource.Metadata, lines);

        var result = bad.Build();

        // An Error-severity issue: the tree is complete, and the exit code says something needs a look.
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{bad.File(BadSource.Metadata)}, line {row + 2} [{image.DicomId}]: second metadata row for this dicom_id", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.Equal(1, bad.ReportedIssues()["DuplicateDicomId"]);
        // The second row is left out: the tree is the reference's, the report (and so its checksum) aside.
        Assert.Equal(["differs REPORT.md", "differs SHA256SUMS.txt"], OutputTree.Differences(ReliabilitySamples.Reference, bad.Out));
        Assert.Equal(0, Support.CliRunner.Run("verify", "--out", bad.Out).ExitCode);
    }
}
