using MimicEye.Csv;
using MimicEye.Tests.Support;

namespace MimicEye.Tests.Diffing;

public class DiffCommandTests
{
    const string Admissions = "patient_10000032/Hosp/admissions.csv";
    const string AdmissionsHeader = "subject_id,hadm_id,admittime,admission_type";

    [Fact]
    public void Identical_trees_exit_0_whatever_their_build_json_state_folder_and_temp_files()
    {
        using var trees = new DiffTrees();
        trees.Both(Admissions, AdmissionsHeader, "10000032,201,2180-05-06 22:23:00,URGENT");
        trees.Both("patient_10000032/CXR-DICOM/s50414267.txt", "FINDINGS: none.");
        trees.WriteA("build.json", "{\"seconds\": 1}");
        trees.WriteB("build.json", "{\"seconds\": 2}");
        trees.WriteA(".mimiceye/stays.files", "x");
        trees.WriteB("spreadsheets/cxr_meta.csv.mimiceye-tmp", "half");
        var result = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("0 only in A, 0 only in B, 0 differ, 2 identical", result.Out);
        Assert.Contains("The trees are equal.", result.Out);
    }

    [Fact]
    public void File_only_in_one_tree_is_listed_and_the_trees_differ()
    {
        using var trees = new DiffTrees();
        trees.Both(Admissions, AdmissionsHeader, "10000032,201,2180-05-06 22:23:00,URGENT");
        trees.WriteA("patient_10000032/Hosp/patients.csv", "subject_id,gender", "10000032,F");
        trees.WriteB("patient_10000033/Hosp/patients.csv", "subject_id,gender", "10000033,M");
        trees.WriteB("patient_10000034/Hosp/patients.csv", "subject_id,gender", "10000034,M");
        var result = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("1 only in A, 2 only in B, 0 differ, 1 identical", result.Out);
        Assert.Contains("Only in A (1):\n  patient_10000032/Hosp/patients.csv\n", result.Out);
        Assert.Contains("Only in B (2):\n  patient_*/Hosp/patients.csv (2 files)\n", result.Out);
        Assert.Contains("The trees differ.", result.Out);
    }

    [Fact]
    public void Keyed_rows_added_removed_and_changed_name_keys_and_columns_but_never_clinical_values()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, AdmissionsHeader,
            "10000032,201,2180-05-06 22:23:00,URGENT",
            "10000032,202,2180-06-26 18:27:00,EW EMER.",
            "10000032,203,2180-07-23 12:35:00,ELECTIVE");
        trees.WriteB(Admissions, AdmissionsHeader,
            "10000032,201,2180-05-06 22:23:00,URGENT",
            "10000032,203,2180-07-23 12:35:00,OBSERVATION ADMIT",
            "10000032,204,2180-08-05 23:44:00,SURGICAL SAME DAY");
        var result = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("rows matched by hadm_id: 1 removed, 1 added, 1 changed", result.Out);
        Assert.Contains("  removed 202\n", result.Out);
        Assert.Contains("  added 204\n", result.Out);
        Assert.Contains("  changed 203: admission_type\n", result.Out);
        foreach (var value in new[] { "ELECTIVE", "OBSERVATION", "EW EMER", "SURGICAL", "2180-" })
            Assert.DoesNotContain(value, result.Out + result.Error);
    }

    [Fact]
    public void Changed_identifier_columns_show_both_values()
    {
        using var trees = new DiffTrees();
        const string sheet = "spreadsheets/EyeGaze/master_sheet_with_updated_stayId.csv";
        trees.WriteA(sheet, "dicom_id,patient_id,stay_id,cxr_exam_indication", $"{DiffTrees.DicomA},10000032,31293660,chest pain");
        trees.WriteB(sheet, "dicom_id,patient_id,stay_id,cxr_exam_indication", $"{DiffTrees.DicomA},10000032,,dyspnea");
        var result = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Contains($"  changed {DiffTrees.DicomA}: stay_id 31293660 -> (empty), cxr_exam_indication\n", result.Out);
        Assert.DoesNotContain("dyspnea", result.Out);
        Assert.DoesNotContain("chest pain", result.Out);
    }

    [Fact]
    public void Max_rows_caps_each_kind_and_says_how_many_more()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, [AdmissionsHeader]);
        trees.WriteB(Admissions, [AdmissionsHeader, .. Enumerable.Range(300, 7).Select(h => $"10000032,{h},2180-05-06 22:23:00,URGENT")]);
        var result = CliRunner.Run("diff", trees.A, trees.B, "--max-rows", "3");
        Assert.Contains("  added 300\n  added 301\n  added 302\n  ... 4 more added\n", result.Out);
    }

    [Fact]
    public void Stay_change_of_an_image_names_both_stays_and_both_reason_codes()
    {
        using var trees = new DiffTrees();
        const string meta = "spreadsheets/cxr_meta.csv";
        const string audit = "spreadsheets/stay_matching.csv";
        const string auditHeader = "dicom_id,subject_id,study_id,study_time,candidates,stay_id,rule,reason,hours_outside";
        trees.WriteA(meta, "dicom_id,subject_id,StudyDate,stay_id",
            $"{DiffTrees.DicomA},10000032,21800506,31293660", $"{DiffTrees.DicomB},10000032,21800507,", $"{DiffTrees.DicomC},10000032,21800508,");
        trees.WriteB(meta, ",dicom_id,subject_id,StudyDate,stay_id",
            $"0,{DiffTrees.DicomA},10000032,21800506,", $"1,{DiffTrees.DicomB},10000032,21800507,", $"2,{DiffTrees.DicomC},10000032,21800508,");
        trees.WriteA(audit, auditHeader,
            $"{DiffTrees.DicomA},10000032,1,2180-05-06T08:05:56.875,31293660,31293660,inside,,0",
            $"{DiffTrees.DicomB},10000032,2,2180-05-07T08:05:56.875,,,none,no_ed_stay,",
            $"{DiffTrees.DicomC},10000032,3,2180-05-08T08:05:56.875,,,none,no_ed_stay,");
        trees.WriteB(audit, auditHeader,
            $"{DiffTrees.DicomA},10000032,1,2180-05-06T08:05:56.875,31293660,,none,ambiguous,",
            $"{DiffTrees.DicomB},10000032,2,2180-05-07T08:05:56.875,,,none,no_ed_stay,",
            $"{DiffTrees.DicomC},10000032,3,2180-05-08T08:05:56.875,,,none,no_ed_stay,");
        var text = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("Images whose stay_id differs in spreadsheets/cxr_meta.csv: 1\n", text.Out);
        Assert.Contains("  inside -> none/ambiguous: 1\n", text.Out);
        Assert.Contains($"  {DiffTrees.DicomA}: 31293660 (inside) -> (empty) (none/ambiguous)\n", text.Out);

        var csv = CliRunner.Run("diff", trees.A, trees.B, "--format", "csv");
        Assert.Contains($"stay_changed,spreadsheets/cxr_meta.csv,{DiffTrees.DicomA},inside -> none/ambiguous,31293660,\n", csv.Out);
    }

    [Fact]
    public void Compat_index_column_is_reported_once_and_rows_compare_equal()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, AdmissionsHeader, "10000032,201,2180-05-06 22:23:00,URGENT", "10000032,202,2180-06-26 18:27:00,URGENT");
        trees.WriteB(Admissions, "," + AdmissionsHeader, "0,10000032,201,2180-05-06 22:23:00,URGENT", "1,10000032,202,2180-06-26 18:27:00,URGENT");
        const string labs = "patient_10000032/Hosp/labevents.csv";
        trees.WriteA(labs, "subject_id,itemid,value", "10000032,50931,95", "10000032,50931,95");
        trees.WriteB(labs, ",subject_id,itemid,value", "0,10000032,50931,95", "1,10000032,50931,95");

        var text = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Equal(1, text.ExitCode);
        Assert.Contains("Differing files without row differences (2):\n", text.Out);
        Assert.Contains($"  {Admissions}: same rows; index column only in B\n", text.Out);
        Assert.Contains($"  {labs}: same rows; index column only in B\n", text.Out);

        var csv = Parse(CliRunner.Run("diff", trees.A, trees.B, "--format", "csv").Out, trees.Sub("out.csv"));
        Assert.Equal(2, csv.Count(r => r[0] == "column_only_in_b" && r[3] == "(index)"));
        Assert.DoesNotContain(csv, r => r[0].StartsWith("row_", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_differing_the_same_way_are_grouped_by_path_pattern()
    {
        using var trees = new DiffTrees();
        foreach (var (patient, reading) in new[] { ("10000032", "P300R000001"), ("10000033", "P300R000002") })
        {
            var path = $"patient_{patient}/REFLACX/main_data/{reading}/anomaly_location_ellipses.csv";
            trees.WriteA(path, "xmin,ymin,xmax,ymax,certainty,Fibrosis,Mass", "20,20,100,80,5,False,True");
            trees.WriteB(path, "xmin,ymin,xmax,ymax,certainty,Mass", "20,20,100,80,5,True");
        }
        var result = CliRunner.Run("diff", trees.A, trees.B);
        Assert.Contains("  patient_*/REFLACX/main_data/*/anomaly_location_ellipses.csv (2 files): same rows; columns only in A: Fibrosis\n", result.Out);
    }

    [Fact]
    public void Csv_format_parses_and_holds_every_kind_of_difference()
    {
        using var trees = new DiffTrees();
        trees.WriteA(Admissions, AdmissionsHeader + ",discharge_location",
            "10000032,201,2180-05-06 22:23:00,URGENT,HOME", "10000032,202,2180-06-26 18:27:00,URGENT,HOME", "10000032,203,2180-07-23 12:35:00,URGENT,HOME");
        trees.WriteB(Admissions, AdmissionsHeader + ",race",
            "10000032,201,2180-05-06 22:23:00,ELECTIVE,WHITE", "10000032,203,2180-07-23 12:35:00,URGENT,WHITE", "10000032,204,2180-07-23 12:35:00,URGENT,WHITE");
        trees.WriteA("spreadsheets/ED/triage.csv", "subject_id,stay_id,chiefcomplaint", "10000032,31293660,\"Abd pain, n/v\"");
        trees.WriteB("spreadsheets/ED/triage.csv", "subject_id,stay_id,chiefcomplaint", "10000032,31293661,\"Abd pain, n/v\"");
        trees.WriteA("only-a.txt", "a");
        trees.WriteB("only-b.txt", "b");

        var result = CliRunner.Run("diff", trees.A, trees.B, "--format", "csv");
        Assert.Equal(1, result.ExitCode);
        var rows = Parse(result.Out, trees.Sub("out.csv"));
        Assert.Equal(["kind", "path", "key", "column", "a", "b"], rows[0]);
        Assert.All(rows, r => Assert.Equal(6, r.Length));
        string[][] expected =
        [
            ["only_in_a", "only-a.txt", "", "", "", ""],
            ["only_in_b", "only-b.txt", "", "", "", ""],
            ["file_differs", Admissions, "", "", "", ""],
            ["column_only_in_a", Admissions, "", "discharge_location", "", ""],
            ["column_only_in_b", Admissions, "", "race", "", ""],
            ["row_added", Admissions, "204", "", "", ""],
            ["row_changed", Admissions, "201", "admission_type", "", ""],
            ["row_removed", Admissions, "202", "", "", ""],
            ["file_differs", "spreadsheets/ED/triage.csv", "", "", "", ""],
            ["row_added", "spreadsheets/ED/triage.csv", "31293661", "", "", ""],
            ["row_removed", "spreadsheets/ED/triage.csv", "31293660", "", "", ""],
        ];
        Assert.Equal(expected.Select(r => string.Join(',', r)).Order(), rows.Skip(1).Select(r => string.Join(',', r)).Order());
        Assert.DoesNotContain("ELECTIVE", result.Out);
    }

    [Fact]
    public void Missing_folder_is_a_usage_error()
    {
        using var trees = new DiffTrees();
        var result = CliRunner.Run("diff", trees.A, trees.Sub("nope"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope", result.Error);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        using var trees = new DiffTrees();
        Assert.Equal(2, CliRunner.Run("diff", trees.A, trees.B, "--format", "json").ExitCode);
    }

    /// <summary>Reads the CSV output back with the project's own reader.</summary>
    static List<string[]> Parse(string csv, string path)
    {
        File.WriteAllText(path, csv);
        using var reader = CsvFiles.Read(path);
        var rows = new List<string[]> { reader.Headers.ToArray() };
        while (reader.Read())
            rows.Add(reader.GetAll());
        return rows;
    }
}
