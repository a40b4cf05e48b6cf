using MimicEye.Tests.Support;

namespace MimicEye.Tests.Reliability;

/// <summary>Issue 6 §4: a source file that cannot be read stops the build with exit 1 and one message naming
/// the file (and the line), never a value of the row. A table the early phases read (edstays) is read
/// before anything is written; a patient table breaks in phase 3, where complete files stay complete and
/// the same command finishes once the file is fixed.</summary>
public class BadTableTests
{
    static CohortImage Matched => ReliabilitySamples.Cohort().First(i => i.StayId.Length > 0);

    [Fact]
    public void A_missing_table_is_named_and_nothing_is_written()
    {
        using var bad = new BadSource("missing-file");
        File.Delete(bad.File(BadSource.EdStays));

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("missing file: ", result.Error);
        Assert.Contains("ed/edstays.csv.gz (or .csv)", result.Error);
        Assert.False(Directory.Exists(bad.Out), "the build wrote before checking its sources");
    }

    [Fact]
    public void A_missing_column_is_named_with_its_file_and_nothing_is_written()
    {
        using var bad = new BadSource("missing-column");
        var lines = bad.Lines(BadSource.EdStays);
        lines[0] = lines[0].Replace(",intime,", ",in_time,", StringComparison.Ordinal);
        bad.WriteLines(BadSource.EdStays, lines);

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{bad.File(BadSource.EdStays)}, line 1: the header has no column 'intime'", result.Error);
        Assert.False(Directory.Exists(bad.Out));
    }

    [Fact]
    public void A_table_without_a_header_row_is_named_as_check_names_it()
    {
        using var bad = new BadSource("no-header");
        // An empty first line: no column names at all.
        bad.WriteLines(BadSource.EdStays, ["", ""]);

        var build = bad.Build();
        var check = CliRunner.Run("check", "--source", bad.Source);

        // The same rule and words in build's preflight and in check (CsvTableReader.HeaderProblems).
        const string Problem = "the file has no header row; expected the columns ";
        Assert.True(build.ExitCode == 1, build.Error);
        Assert.Contains($"{bad.File(BadSource.EdStays)}, line 1: {Problem}", build.Error);
        Assert.Contains($"MissingColumn: {bad.File(BadSource.EdStays)}: {Problem}", check.Out);
        Assert.False(Directory.Exists(bad.Out));
    }

    public static TheoryData<string, string> BrokenRows => new()
    {
        { "unterminated quote", "a quoted field is never closed" },
        { "wrong field count", "wrong number of fields" },
        { "invalid UTF-8", "the record is not valid UTF-8" },
    };

    [Theory]
    [MemberData(nameof(BrokenRows))]
    public void A_broken_edstays_row_stops_the_build_before_anything_is_written(string damage, string message)
    {
        using var bad = new BadSource("edstays-row");
        var line = bad.EditRow(BadSource.EdStays, "stay_id", Matched.StayId, (fields, column) =>
        {
            switch (damage)
            {
                case "unterminated quote":
                    fields[column("disposition")] = "\"" + BadSource.Sentinel;
                    break;
                case "wrong field count":
                    fields[column("disposition")] += "," + BadSource.Sentinel;
                    break;
                default:
                    fields[column("intime")] = fields[column("intime")][..4] + "\u00ff\u00fe" + fields[column("intime")][4..];
                    break;
            }
        }, sentinelColumn: "race");

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{bad.File(BadSource.EdStays)}, line {line}: {message}", result.Error);
        BadSource.AssertNoSentinel(result);
        Assert.Empty(bad.Written());
    }

    [Fact]
    public void A_truncated_gzip_is_named_and_nothing_is_written()
    {
        using var bad = new BadSource("truncated-gz");
        SourceTreeBuilder.Truncate(bad.File(BadSource.EdStays), 0.6);

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{bad.File(BadSource.EdStays)}: the .gz file is truncated or corrupt", result.Error);
        Assert.Empty(bad.Written());
    }

    [Theory]
    [InlineData("mimiciv/2.2/hosp/admissions.csv.gz", "unterminated quote")]
    [InlineData("mimiciv/2.2/hosp/labevents.csv.gz", "invalid UTF-8")]
    [InlineData("mimiciv/2.2/hosp/labevents.csv.gz", "truncated")]
    [InlineData("mimic-iv-ed/2.2/ed/triage.csv.gz", "wrong field count")]
    public void A_broken_patient_table_stops_phase_3_cleanly_and_the_fixed_source_completes_the_tree(string table, string damage)
    {
        using var bad = new BadSource("patient-table");
        var original = File.ReadAllBytes(bad.File(table));
        var lines = bad.Lines(table);
        var subjectColumn = Array.IndexOf(lines[0].Split(','), "subject_id");
        var subject = ReliabilitySamples.Cohort().Select(i => i.SubjectId)
            .First(s => lines.Skip(1).Any(l => l.Split(',') is var f && f.Length > subjectColumn && f[subjectColumn] == s));
        var where = "";
        if (damage == "truncated")
            SourceTreeBuilder.Truncate(bad.File(table), 0.7);
        else
        {
            var line = bad.EditRow(table, "subject_id", subject, (fields, column) =>
            {
                var last = fields.Length - 1;
                fields[last] = damage switch
                {
                    "unterminated quote" => "\"" + fields[last],
                    "invalid UTF-8" => fields[last] + "\u00c3",
                    _ => fields[last] + ",1",
                };
            }, sentinelColumn: null);
            where = $", line {line}";
        }

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        // The whole error output in the message: xUnit cuts a long string short in Assert.Contains.
        Assert.True(result.Error.Contains($"{bad.File(table)}{where}: ", StringComparison.Ordinal), result.Error);
        Assert.Empty(OutputTree.Partial(ReliabilitySamples.Reference, bad.Out));
        Assert.Empty(OutputTree.TempFiles(bad.Out));
        Assert.False(File.Exists(Path.Combine(bad.Out, "SHA256SUMS.txt")), "a failed build must not look finished");

        File.WriteAllBytes(bad.File(table), original);
        var rerun = bad.Build();
        Assert.True(rerun.ExitCode == 0, rerun.Error);
        Assert.Empty(OutputTree.Differences(ReliabilitySamples.Reference, bad.Out));
    }

    /// <summary>A table copied whole to spreadsheets/ (triage, d_labitems, chexpert...) must be valid UTF-8 in
    /// every row, not only in the rows routed to a cohort patient.</summary>
    [Fact]
    public void Invalid_utf8_in_a_row_copied_only_to_a_spreadsheet_stops_the_build()
    {
        using var bad = new BadSource("spreadsheet-utf8");
        const string table = "mimic-iv-ed/2.2/ed/triage.csv.gz";
        var cohort = ReliabilitySamples.Cohort().Select(i => i.SubjectId).ToHashSet();
        var lines = bad.Lines(table);
        var row = lines.FindIndex(1, l => l.Length > 0 && !cohort.Contains(l.Split(',')[0]));
        lines[row] += "\u00ff";
        bad.WriteLines(table, lines);

        var result = bad.Build();

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{bad.File(table)}, line {row + 1}: the record is not valid UTF-8", result.Error);
        Assert.False(File.Exists(Path.Combine(bad.Out, "spreadsheets", "ED", "triage.csv")));
    }
}
