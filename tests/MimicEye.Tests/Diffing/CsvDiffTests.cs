using MimicEye.Diffing;

namespace MimicEye.Tests.Diffing;

public class CsvDiffTests
{
    const string Labs = "patient_10000032/Hosp/labevents.csv";
    const string Admissions = "patient_10000032/Hosp/admissions.csv";

    static CsvFileDiff Diff(DiffTrees trees, string relative, DiffOptions options) =>
        CsvDiff.Compare(relative, Path.Combine(trees.A, relative), Path.Combine(trees.B, relative), options, CancellationToken.None);

    /// <summary>A table of <paramref name="rows"/> rows where row i holds (i % 97): many repeated rows.</summary>
    static string[] Table(string header, int rows, Func<int, string> row) => [header, .. Enumerable.Range(0, rows).Select(row)];

    [Fact]
    public void Content_matching_counts_repeated_rows_as_a_multiset()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Labs, "itemid,value", "1,a", "1,a", "1,a", "2,b");
        trees.WriteB(Labs, "value,itemid", "a,1", "b,2", "b,2", "c,3");
        var diff = Diff(trees, Labs, new DiffOptions(0));
        Assert.Equal(RowMatching.Content, diff.Matching);
        Assert.Equal((2L, 2L, 0L), (diff.Removed, diff.Added, diff.Changed));
        // Columns are matched by name, so the swapped column order is no difference; the excess copies are the last lines.
        Assert.Equal(["line 3", "line 4"], diff.Rows.Where(r => r.Kind == RowChange.Removed).Select(r => r.Key));
        Assert.Equal(["line 4", "line 5"], diff.Rows.Where(r => r.Kind == RowChange.Added).Select(r => r.Key));
    }

    [Fact]
    public void Streamed_partitions_give_the_same_counts_and_lines_as_the_in_memory_path()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Labs, Table("subject_id,itemid,value", 5000, i => $"10000032,{i % 97},{i % 13}"));
        trees.WriteB(Labs, Table("subject_id,itemid,value", 5200, i => $"10000032,{i % 97},{(i % 101 == 0 ? 99 : i % 13)}"));
        var spill = trees.Sub("spill");
        Directory.CreateDirectory(spill);
        foreach (var maxRows in new[] { 0, 7 })
        {
            var memory = Diff(trees, Labs, new DiffOptions(maxRows));
            var streamed = Diff(trees, Labs, new DiffOptions(maxRows) { PartitionBytes = 1024, TempFolder = spill });
            Assert.True(memory.Removed > 0 && memory.Added > 0);
            Assert.Equal((memory.Removed, memory.Added), (streamed.Removed, streamed.Added));
            Assert.Equal(memory.Rows, streamed.Rows);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(spill));
    }

    [Fact]
    public void Keyed_table_above_the_threshold_is_streamed_and_a_changed_row_counts_as_removed_and_added()
    {
        using var trees = new DiffTrees();
        const string header = "subject_id,hadm_id,admission_type";
        trees.WriteA(Admissions, Table(header, 3000, i => $"10000032,{200000 + i},{(i % 3 == 0 ? "URGENT" : "ELECTIVE")}"));
        trees.WriteB(Admissions, Table(header, 3000, i => $"10000032,{200010 + i},{(i % 7 == 0 ? "URGENT" : "ELECTIVE")}"));
        var memory = Diff(trees, Admissions, new DiffOptions(0));
        var streamed = Diff(trees, Admissions, new DiffOptions(0) { StreamThresholdBytes = 100, PartitionBytes = 2048 });
        Assert.Equal(RowMatching.Key, memory.Matching);
        Assert.Equal((10L, 10L), (memory.Removed, memory.Added));
        Assert.True(memory.Changed > 0);
        Assert.Equal(RowMatching.Content, streamed.Matching);
        Assert.Contains("larger than", streamed.Note);
        Assert.Equal(memory.Removed + memory.Changed, streamed.Removed);
        Assert.Equal(memory.Added + memory.Changed, streamed.Added);
    }

    [Fact]
    public void Repeated_key_falls_back_to_content_matching_with_a_note()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, "subject_id,hadm_id,admission_type", "10000032,201,URGENT", "10000032,201,URGENT");
        trees.WriteB(Admissions, "subject_id,hadm_id,admission_type", "10000032,201,URGENT", "10000032,202,URGENT");
        var diff = Diff(trees, Admissions, new DiffOptions(0));
        Assert.Equal(RowMatching.Content, diff.Matching);
        Assert.Equal("key hadm_id repeats in A (line 3); rows matched by content", diff.Note);
        Assert.Equal((1L, 1L, 0L), (diff.Removed, diff.Added, diff.Changed));
    }

    [Theory]
    [InlineData("201")]
    [InlineData("205")]
    public void Key_repeated_in_B_falls_back_to_content_matching(string repeated)
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, "subject_id,hadm_id,admission_type", "10000032,201,URGENT", "10000032,202,URGENT");
        trees.WriteB(Admissions, "subject_id,hadm_id,admission_type", "10000032,201,URGENT", "10000032,205,URGENT", $"10000032,{repeated},URGENT");
        var diff = Diff(trees, Admissions, new DiffOptions(0));
        Assert.Equal(RowMatching.Content, diff.Matching);
        Assert.Equal($"key hadm_id repeats in B (line 4); rows matched by content", diff.Note);
        Assert.Equal((1L, 2L), (diff.Removed, diff.Added));
    }

    [Fact]
    public void Long_cells_are_compared_whole()
    {
        using var trees = new DiffTrees();
        var text = new string('x', 20000);
        trees.WriteA(Admissions, "subject_id,hadm_id,comment,note", $"10000032,201,{text},{text}", $"10000032,202,{text}y,short");
        trees.WriteB(Admissions, "subject_id,hadm_id,comment,note", $"10000032,201,{text},{text}", $"10000032,202,{text}z,short");
        var diff = Diff(trees, Admissions, new DiffOptions(0));
        var row = Assert.Single(diff.Rows);
        Assert.Equal(("202", "comment"), (row.Key, Assert.Single(row.Cells).Column));
    }

    [Fact]
    public void Missing_key_column_falls_back_to_content_matching()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, "subject_id,hadm_id", "10000032,201");
        trees.WriteB(Admissions, "subject_id,admission_id", "10000032,201");
        var diff = Diff(trees, Admissions, new DiffOptions(0));
        Assert.Equal("key hadm_id is missing in B; rows matched by content", diff.Note);
        Assert.Equal(["hadm_id"], diff.ColumnsOnlyInA);
        Assert.Equal(["admission_id"], diff.ColumnsOnlyInB);
        Assert.True(diff.RowsEqual);
    }

    [Fact]
    public void Malformed_csv_is_reported_with_its_line_and_compared_by_bytes()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Labs, "itemid,value", "1,a");
        trees.WriteB(Labs, "itemid,value", "1,a", "2,\"b");
        var diff = Diff(trees, Labs, new DiffOptions(0));
        Assert.Equal(RowMatching.Unreadable, diff.Matching);
        Assert.StartsWith("cannot be read as CSV in B: line 3", diff.Note);
        var result = Support.CliRunner.Run("diff", trees.A, trees.B);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{Labs}\n  cannot be read as CSV in B: line 3", result.Out);
    }

    [Fact]
    public void Cells_are_compared_unescaped_so_quoting_alone_is_no_row_difference()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Labs, "itemid,value", "1,a", "2,b");
        trees.WriteB(Labs, "itemid,value", "\"2\",b", "1,\"a\"");
        var diff = Diff(trees, Labs, new DiffOptions(0));
        Assert.True(diff.RowsEqual && diff.ColumnsEqual);
        Assert.Contains($"  {Labs}: same rows; row order or quoting differs\n",
            Support.CliRunner.Run("diff", trees.A, trees.B).Out);
    }

    [Theory]
    [InlineData("spreadsheets/cxr_meta.csv", "dicom_id")]
    [InlineData("spreadsheets/cxr_meta_with_stay_id_only.csv", "dicom_id")]
    [InlineData("patient_10000032/CXR-JPG/cxr_meta.csv", "dicom_id")]
    [InlineData("spreadsheets/stay_matching.csv", "dicom_id")]
    [InlineData("spreadsheets/REFLACX/metadata.csv", "id")]
    [InlineData("patient_10000032/EyeGaze/master_sheet.csv", "dicom_id")]
    [InlineData("spreadsheets/EyeGaze/master_sheet_with_updated_stayId.csv", "dicom_id")]
    [InlineData("spreadsheets/EyeGaze/dicom_id_repairs.csv", "file+original_id")]
    [InlineData("spreadsheets/CXR-JPG/cxr_chexpert.csv", "study_id")]
    [InlineData("patient_10000032/CXR-JPG/cxr_negbio.csv", "study_id")]
    [InlineData("patient_10000032/CXR-JPG/cxr_split.csv", "dicom_id")]
    [InlineData("spreadsheets/ED/triage.csv", "stay_id")]
    [InlineData("patient_10000032/ED/edstays.csv", "stay_id")]
    [InlineData("patient_10000032/Hosp/admissions.csv", "hadm_id")]
    [InlineData("patient_10000032/ICU/icustays.csv", "stay_id")]
    [InlineData("patient_10000032/ICU/chartevents.csv", "")]
    [InlineData("patient_10000032/REFLACX/main_data/P300R000001/fixations.csv", "")]
    [InlineData("patient_10000032/EyeGaze/fixations.csv", "")]
    public void Key_table_names_the_key_of_each_output_table(string path, string key) =>
        Assert.Equal(key, string.Join('+', TableKeys.For(path) ?? []));

    [Theory]
    [InlineData("patient_10000032/CXR-JPG/s50414267/1e4d4d01-657d797c-f09f7a14-cc14e092-909e66b8.jpg", "patient_*/CXR-JPG/s*/*.jpg")]
    [InlineData("patient_10000032/CXR-DICOM/s50414267.txt", "patient_*/CXR-DICOM/s*.txt")]
    [InlineData("patient_10000032/REFLACX/gaze_data/P300R000001/gaze.csv", "patient_*/REFLACX/gaze_data/*/gaze.csv")]
    [InlineData("spreadsheets/cxr_meta.csv", "spreadsheets/cxr_meta.csv")]
    public void Path_patterns_collapse_ids(string path, string pattern) =>
        Assert.Equal(pattern, PathPattern.Of(path));
}
