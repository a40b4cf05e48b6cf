using System.Text.RegularExpressions;

namespace MimicEye.Tests.Samples;

/// <summary>The cohort and stay-matching quirks of SPEC §3 and §5 are in the files, found by reading them
/// back (not by asking the generator).</summary>
[Collection(GeneratedSamplesCollection.Name)]
public class SampleCohortQuirkTests(GeneratedSamples samples)
{
    [Fact]
    public void Ids_have_their_real_forms()
    {
        var m = samples.Metadata;
        Assert.All(m.Values("subject_id"), v => Assert.Matches("^1[0-9]{7}$", v));
        Assert.All(m.Values("study_id"), v => Assert.Matches("^5[0-9]{7}$", v));
        Assert.All(m.Values("dicom_id"), v => Assert.Matches("^[0-9a-f]{8}(-[0-9a-f]{8}){4}$", v));
        Assert.All(samples.EdStays.Values("stay_id"), v => Assert.Matches("^3[0-9]{7}$", v));
        Assert.All(samples.EdStays.Values("hadm_id").Where(v => v.Length > 0), v => Assert.Matches("^2[0-9]{7}$", v));
        var icu = samples.Table(Path.Combine(samples.MimicIv, "icu", "icustays.csv.gz"));
        Assert.All(icu.Values("stay_id"), v => Assert.Matches("^3[0-9]{7}$", v));
        Assert.Empty(icu.Values("stay_id").Intersect(samples.EdStays.Values("stay_id")));
        var emar = samples.Table(Path.Combine(samples.MimicIv, "hosp", "emar.csv.gz"));
        Assert.All(emar.Rows, r => Assert.StartsWith(r[emar.Col("subject_id")] + "-", r[emar.Col("emar_id")]));
        Assert.All(emar.Rows, r => Assert.Matches(@"^1\d{7}-\d+$", r[emar.Col("poe_id")]));
        var ids = samples.ReflacxPhases.SelectMany(p => p.Values("id")).ToList();
        Assert.All(ids, v => Assert.Matches(@"^P[123]\d\dR\d{6}$", v));
        Assert.All(ids.Where(v => v.StartsWith("P3", StringComparison.Ordinal)), v => Assert.StartsWith("P300R", v));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void The_cohort_spans_several_buckets_and_some_images_are_in_both_datasets()
    {
        var cohort = samples.CohortMetadataRows.ToList();
        Assert.True(cohort.Select(r => r[1][..2]).Distinct().Count() >= 4);
        var egd = samples.MasterSheet.Values("dicom_id").ToHashSet();
        var reflacx = samples.ReflacxPhases.SelectMany(p => p.Values("dicom_id")).ToHashSet();
        Assert.NotEmpty(egd.Intersect(reflacx));
        Assert.Subset(samples.Metadata.Values("dicom_id").ToHashSet(), egd.Union(reflacx).ToHashSet());
        Assert.True(samples.Summary.CohortImages == cohort.Count, "summary counts the same cohort as the files");
    }

    [Fact]
    public void Reflacx_phases_1_and_2_have_five_readers_per_image_phase_3_one_and_two_discarded_readings()
    {
        var phases = samples.ReflacxPhases.ToList();
        for (var p = 0; p < 3; p++)
        {
            var perImage = phases[p].Values("dicom_id").GroupBy(d => d).Select(g => g.Count()).Distinct().Single();
            Assert.Equal(p < 2 ? 5 : 1, perImage);
            var discarded = phases[p].Rows.Where(r => r[2] == "True").Select(r => r[0]).ToList();
            Assert.Equal(p < 2 ? 2 : 0, discarded.Count);
            foreach (var id in discarded)
            {
                var main = Path.Combine(samples.Reflacx, "main_data", id);
                Assert.Equal(["anomaly_location_ellipses.csv", "chest_bounding_box.csv"],
                    Directory.GetFiles(main).Select(Path.GetFileName).Where(f => f != "index.html").Order());
                Assert.Equal(["index.html"], Directory.GetFiles(Path.Combine(samples.Reflacx, "gaze_data", id)).Select(Path.GetFileName));
            }
        }
        foreach (var id in phases.SelectMany(p => p.Rows).Where(r => r[2] == "False").Select(r => r[0]))
        {
            Assert.True(File.Exists(Path.Combine(samples.Reflacx, "gaze_data", id, "gaze.csv")), id);
            foreach (var file in new[] { "fixations.csv", "timestamps_transcription.csv", "transcription.txt" })
                Assert.True(File.Exists(Path.Combine(samples.Reflacx, "main_data", id, file)), $"{id}/{file}");
        }
    }

    [Fact]
    public void Cohort_study_times_fall_before_ten_and_before_ten_past_midnight()
    {
        var times = samples.CohortMetadataRows.Select(r => r[8]).ToList();
        Assert.Contains(times, t => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture) is >= 10000 and < 100000);
        Assert.Contains(times, t => decimal.Parse(t, System.Globalization.CultureInfo.InvariantCulture) < 1000);
        Assert.Contains("80556.875", times);
    }

    [Fact]
    public void Cohort_studies_sit_on_and_around_the_bounds_of_ed_stays()
    {
        var stays = samples.StaysBySubject();
        var cases = new HashSet<string>();
        foreach (var (subject, time) in CohortStudies())
        {
            var own = stays.GetValueOrDefault(subject) ?? [];
            if (own.Exists(s => s.In == time))
                cases.Add("at intime");
            if (own.Exists(s => s.Out == time))
                cases.Add("at outtime");
            if (own.Exists(s => time > s.In && time < s.In.AddSeconds(1)))
                cases.Add("fraction after intime");
            if (own.Exists(s => time > s.Out && time < s.Out.AddSeconds(1)))
                cases.Add("fraction after outtime");
            if (own.Count(s => s.In <= time && time <= s.Out) >= 2)
                cases.Add("inside two stays");
            var ended = own.Where(s => s.Out < time).Select(s => (time - s.Out).TotalDays).DefaultIfEmpty(double.NaN).Min();
            if (!own.Exists(s => s.In <= time && time <= s.Out))
            {
                if (ended < 1)
                    cases.Add("hours after");
                foreach (var days in new[] { 2, 6, 9 })
                {
                    if (ended >= days && ended < days + 1)
                        cases.Add($"{days} days after");
                }
            }
        }
        Assert.Equal(["2 days after", "6 days after", "9 days after", "at intime", "at outtime", "fraction after intime",
            "fraction after outtime", "hours after", "inside two stays"], cases.Order());
    }

    [Fact]
    public void Some_cohort_subjects_have_no_ed_stay_and_some_no_icu_stay()
    {
        var cohort = samples.CohortMetadataRows.Select(r => r[1]).ToHashSet();
        var withEd = samples.EdStays.Values("subject_id").ToHashSet();
        var withIcu = samples.Table(Path.Combine(samples.MimicIv, "icu", "icustays.csv.gz")).Values("subject_id").ToHashSet();
        Assert.Contains(cohort, s => !withEd.Contains(s));
        Assert.Contains(cohort, s => !withIcu.Contains(s));
        Assert.Contains(cohort, withIcu.Contains);
        Assert.Contains(cohort, s => !withEd.Contains(s) && withIcu.Contains(s));
        Assert.Contains(samples.EdStays.Values("hadm_id"), v => v.Length == 0);
    }

    [Fact]
    public void An_ed_stay_of_another_subject_contains_a_cohort_study()
    {
        var stays = samples.StaysBySubject();
        Assert.Contains(CohortStudies(), study => stays.Any(kv => kv.Key != study.Subject
            && kv.Value.Exists(s => s.In <= study.Time && study.Time <= s.Out)
            && !(stays.GetValueOrDefault(study.Subject) ?? []).Exists(s => s.In <= study.Time && study.Time <= s.Out)));
    }

    [Fact]
    public void Cohort_studies_hold_lateral_images_outside_the_cohort_and_all_their_jpgs()
    {
        var cohort = samples.CohortDicomIds;
        var m = samples.Metadata;
        var cohortStudies = m.Rows.Where(r => cohort.Contains(r[0])).Select(r => r[2]).ToHashSet();
        var inCohortStudies = m.Rows.Where(r => cohortStudies.Contains(r[2])).ToList();
        Assert.Contains(inCohortStudies, r => r[m.Col("ViewPosition")] == "LATERAL" && !cohort.Contains(r[0]));
        foreach (var r in inCohortStudies)
        {
            var jpg = Path.Combine(samples.CxrJpg, "files", "p" + r[1][..2], "p" + r[1], "s" + r[2], r[0] + ".jpg");
            Assert.True(File.Exists(jpg), jpg);
        }
    }

    [Fact]
    public void Cohort_subjects_have_studies_outside_the_cohort_in_every_cxr_table_but_without_jpgs()
    {
        var cohortSubjects = samples.CohortMetadataRows.Select(r => r[1]).ToHashSet();
        var cohortStudies = samples.CohortMetadataRows.Select(r => r[2]).ToHashSet();
        var outside = samples.Metadata.Rows.Where(r => cohortSubjects.Contains(r[1]) && !cohortStudies.Contains(r[2])).ToList();
        Assert.NotEmpty(outside);
        var chexpert = samples.Table(Path.Combine(samples.CxrJpg, "mimic-cxr-2.0.0-chexpert.csv.gz")).Values("study_id").ToHashSet();
        var negbio = samples.Table(Path.Combine(samples.CxrJpg, "mimic-cxr-2.0.0-negbio.csv.gz")).Values("study_id").ToHashSet();
        var split = samples.Table(Path.Combine(samples.CxrJpg, "mimic-cxr-2.0.0-split.csv.gz")).Values("dicom_id").ToHashSet();
        foreach (var r in outside)
        {
            Assert.Contains(r[2], chexpert);
            Assert.Contains(r[2], negbio);
            Assert.Contains(r[0], split);
            Assert.False(Directory.Exists(Path.Combine(samples.CxrJpg, "files", "p" + r[1][..2], "p" + r[1], "s" + r[2])));
        }
    }

    [Fact]
    public void Stray_index_html_files_sit_in_project_roots_study_folders_and_case_folders()
    {
        foreach (var project in new[] { samples.MimicIv, samples.CxrJpg, samples.Reflacx, samples.Egd })
            Assert.True(File.Exists(Path.Combine(project, "index.html")), project);
        var all = Directory.GetFiles(samples.Files, "index.html", SearchOption.AllDirectories).Select(p => p.Replace('\\', '/')).ToList();
        Assert.Contains(all, p => Regex.IsMatch(p, @"/mimic-cxr-jpg/2\.0\.0/files/p1\d/p1\d{7}/s5\d{7}/index\.html$"));
        Assert.Contains(all, p => Regex.IsMatch(p, @"/main_data/P\d{3}R\d{6}/index\.html$"));
        Assert.Contains(all, p => Regex.IsMatch(p, @"/audio_segmentation_transcripts/[0-9a-f-]{44}/index\.html$"));
    }

    /// <summary>(subject_id, study time) of every cohort study.</summary>
    IEnumerable<(string Subject, DateTime Time)> CohortStudies() =>
        samples.CohortMetadataRows.Select(r => (r[1], GeneratedSamples.StudyTime(r[7], r[8]))).Distinct();
}
