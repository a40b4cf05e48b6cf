using System.Text.RegularExpressions;

namespace MimicEye.Tests.Samples;

/// <summary>The EGD-CXR id defects (SPEC §7) and the traps of the clinical tables are in the files.</summary>
[Collection(GeneratedSamplesCollection.Name)]
public class SampleTableQuirkTests(GeneratedSamples samples)
{
    [Theory]
    [InlineData("eye_gaze.csv")]
    [InlineData("fixations.csv")]
    public void Trimmed_dicom_ids_cover_the_three_repair_cases(string file)
    {
        var t = samples.Table(Path.Combine(samples.Egd, file));
        var rows = t.Values("DICOM_ID").GroupBy(id => id).ToDictionary(g => g.Key, g => g.Count());
        var sessions = t.Rows.GroupBy(r => r[t.Col("DICOM_ID")]).ToDictionary(g => g.Key, g => g.Select(r => r[0]).ToHashSet());
        var known = samples.Metadata.Values("dicom_id").ToList();
        var master = samples.MasterSheet.Values("dicom_id").ToHashSet();
        var trimmed = rows.Keys.Where(id => id.Length < 44).ToList();
        Assert.All(trimmed, id => Assert.Matches("^[0-9a-f-]+$", id));

        // A trimmed id whose full id is present, with more rows, in another session.
        Assert.Contains(trimmed, id => known.Where(k => k.StartsWith(id, StringComparison.Ordinal)).ToList() is [var full]
            && rows.GetValueOrDefault(full) > rows[id] && !sessions[full].Overlaps(sessions[id]));
        // A trimmed id whose full id is absent from the file but is a known CXR dicom_id (in the master sheet).
        Assert.Contains(trimmed, id => known.Where(k => k.StartsWith(id, StringComparison.Ordinal)).ToList() is [var full]
            && !rows.ContainsKey(full) && master.Contains(full));
        // A trimmed id that is the prefix of two known dicom_ids, only one of them in the master sheet.
        Assert.Contains(trimmed, id => known.Where(k => k.StartsWith(id, StringComparison.Ordinal)).ToList() is [var a, var b]
            && master.Contains(a) != master.Contains(b));
    }

    [Fact]
    public void Eye_gaze_holds_a_calibration_id_longer_than_44_characters()
    {
        var ids = samples.Table(Path.Combine(samples.Egd, "eye_gaze.csv")).Values("DICOM_ID").Distinct().ToList();
        var calibration = Assert.Single(ids, id => id.Length > 44);
        Assert.Matches("^[0-9a-f-]{44}_calibration$", calibration);
        Assert.Contains(calibration[..44], samples.MasterSheet.Values("dicom_id"));
    }

    [Fact]
    public void Egd_stay_ids_are_old_ids_that_are_no_ed_stay()
    {
        var ed = samples.EdStays.Values("stay_id").ToHashSet();
        var old = samples.MasterSheet.Values("stay_id").ToList();
        Assert.All(old, v => Assert.Matches("^3[0-9]{7}$", v));
        Assert.DoesNotContain(old, ed.Contains);
    }

    [Fact]
    public void Lab_comments_carry_commas_doubled_quotes_and_line_breaks_for_cohort_subjects()
    {
        var lab = samples.Table(Path.Combine(samples.MimicIv, "hosp", "labevents.csv.gz"));
        var cohort = samples.CohortMetadataRows.Select(r => r[1]).ToHashSet();
        var comments = lab.Rows.Where(r => cohort.Contains(r[1])).Select(r => r[lab.Col("comments")]).ToList();
        Assert.Contains(comments, c => c.Contains(','));
        Assert.Contains(comments, c => c.Contains('"'));
        Assert.Contains(comments, c => c.Contains('\n'));
        var raw = ReadGzipText(Path.Combine(samples.MimicIv, "hosp", "labevents.csv.gz"));
        Assert.Contains("\"\"STAT\"\"", raw); // doubled quotes inside a quoted field
    }

    [Fact]
    public void Most_rows_of_the_big_tables_belong_to_subjects_outside_the_cohort()
    {
        var cohort = samples.CohortMetadataRows.Select(r => r[1]).ToHashSet();
        foreach (var table in new[] { "hosp/labevents", "icu/chartevents", "hosp/emar", "hosp/poe", "hosp/patients" })
        {
            var subjects = samples.Table(Path.Combine(samples.MimicIv, table + ".csv.gz")).Values("subject_id").ToList();
            Assert.True(subjects.Count(cohort.Contains) * 2 < subjects.Count, table);
        }
        var patients = samples.Table(Path.Combine(samples.MimicIv, "hosp", "patients.csv.gz")).Values("subject_id").ToHashSet();
        var labs = samples.Table(Path.Combine(samples.MimicIv, "hosp", "labevents.csv.gz")).Values("subject_id").ToHashSet();
        Assert.Subset(patients, cohort);
        Assert.Subset(labs, cohort);
    }

    [Fact]
    public void Timestamps_are_iso_with_milliseconds_only_in_procedureevents_and_outputevents()
    {
        foreach (var (table, column) in new[] { ("icu/procedureevents", "endtime"), ("icu/outputevents", "charttime") })
        {
            var values = samples.Table(Path.Combine(samples.MimicIv, table + ".csv.gz")).Values(column).ToList();
            Assert.Contains(values, v => Regex.IsMatch(v, @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}$"));
            Assert.Contains(values, v => Regex.IsMatch(v, @"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$"));
        }
        Assert.All(samples.EdStays.Values("intime"), v => Assert.Matches(@"^2[12]\d\d-\d\d-\d\d \d\d:\d\d:\d\d$", v));
    }

    [Fact]
    public void Date_only_columns_hold_dates_and_microbiology_dates_are_midnight_timestamps()
    {
        foreach (var (table, column) in new[] { ("patients", "dod"), ("omr", "chartdate"), ("procedures_icd", "chartdate"), ("hcpcsevents", "chartdate") })
        {
            var values = samples.Table(Path.Combine(samples.MimicIv, "hosp", table + ".csv.gz")).Values(column).Where(v => v.Length > 0).ToList();
            Assert.NotEmpty(values);
            Assert.All(values, v => Assert.Matches(@"^\d{4}-\d\d-\d\d$", v));
        }
        var micro = samples.Table(Path.Combine(samples.MimicIv, "hosp", "microbiologyevents.csv.gz"));
        Assert.All(micro.Values("chartdate").Concat(micro.Values("storedate")), v => Assert.EndsWith(" 00:00:00", v));
    }

    [Fact]
    public void Dictionaries_keep_their_text_traps()
    {
        var hcpcs = samples.Table(Path.Combine(samples.MimicIv, "hosp", "d_hcpcs.csv.gz"));
        Assert.Contains(hcpcs.Values("code"), c => c.Length == 5 && c.EndsWith(' '));
        var icd = samples.Table(Path.Combine(samples.MimicIv, "hosp", "d_icd_diagnoses.csv.gz"));
        Assert.Contains(icd.Values("long_title"), t => t.Contains(','));
        var items = samples.Table(Path.Combine(samples.MimicIv, "icu", "d_items.csv.gz"));
        Assert.Contains("°F", items.Values("unitname")); // UTF-8, copied byte for byte
    }

    [Fact]
    public void The_readme_says_the_data_is_synthetic_and_names_the_seed_and_the_quirk_subjects()
    {
        var readme = File.ReadAllText(Path.Combine(samples.Root, "README.md"));
        Assert.StartsWith("# Synthetic PhysioNet source tree (mimiceye samples)\n", readme);
        Assert.Contains("synthetic", readme);
        Assert.Contains("--seed 2023", readme);
        var cohort = samples.CohortMetadataRows.Select(r => r[1]).ToHashSet();
        var listed = Regex.Matches(readme, @"^\| (1\d{7}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(12, listed.Count);
        Assert.Subset(cohort, listed.ToHashSet());
    }

    static string ReadGzipText(string path)
    {
        using var gz = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        using var reader = new StreamReader(gz);
        return reader.ReadToEnd();
    }
}
