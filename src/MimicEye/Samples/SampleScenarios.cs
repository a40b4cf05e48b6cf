namespace MimicEye.Samples;

/// <summary>The scripted cohort subjects: one for each quirk SPEC and reference/ list, so every rule of
/// stay matching, REFLACX merging and EGD id repair has a case. They are the first cohort subjects at
/// every size; <see cref="SampleTimelines.Ordinary"/> fills the rest. Times are on the subject's own
/// (shifted) calendar, day 0 at midnight.</summary>
static class SampleScenarios
{
    public const int Count = 12;

    public static void Apply(SamplePlan plan, SampleTimelines t)
    {
        var c = plan.Cohort;
        var seed = plan.Options.Seed;
        for (var i = 0; i < Count; i++)
        {
            var s = c[i];
            var rng = Prng.Derive(seed, "scenario", i);
            s.Role = i switch
            {
                0 => BothDatasetsAtFractionalIntime(t, s, rng),
                1 => BeforeTenPastMidnight(t, s, rng),
                2 => ExactlyAtBounds(t, s, rng),
                3 => OverlappingStays(t, s, rng),
                4 => AfterTheStay(t, s, rng),
                5 => NoEdWithIcu(t, s, rng),
                6 => NoEdNoIcu(t, s, rng),
                7 => OtherSubjectSameTime(t, s, plan.Others[0], rng),
                8 => TrimmedWithFullElsewhere(t, s, rng),
                9 => TrimmedOnly(t, s, rng),
                10 => TrimmedAmbiguous(t, s, rng),
                _ => PhaseTwoWithIcu(t, s, rng),
            };
        }
    }

    static string BothDatasetsAtFractionalIntime(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 8, 5, 56), s.At(0, 14, 20, 0), admitted: true, rng, admitDays: 5);
        t.Icu(s, s.Admissions[^1], s.At(0, 16, 2, 11), s.At(3, 9, 30, 45), rng);
        var image = t.Study(s, s.At(0, 8, 5, 56, 875), rng, lateral: true);
        image.EgdForm = GazeIdForm.Full;
        image.EgdCalibration = true;
        image.ReflacxPhase = 1;
        image.ReflacxDiscarded = 1;
        t.NonCohortStudies(s, rng, 1);
        return "image in both EGD-CXR and REFLACX phase 1 (5 readers, 1 reading discarded); StudyTime 80556.875 "
            + "is 0.875 s after the ED stay's intime 08:05:56 (before 10:00, a fraction at the bound); a LATERAL image "
            + "of the same study outside the cohort; `<dicom_id>_calibration` rows in eye_gaze.csv; ICU stay; "
            + "a study outside the cohort";
    }

    static string BeforeTenPastMidnight(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 23, 10, 0), s.At(1, 3, 40, 0), admitted: false, rng);
        t.Study(s, s.At(1, 0, 0, 52, 62), rng, lateral: false).EgdForm = GazeIdForm.Full;
        t.Study(s, s.At(1, 0, 42, 28, 656), rng, lateral: true).ReflacxPhase = 3;
        return "StudyTime 52.062 (00:00:52.062, before 00:10) inside an ED stay spanning midnight (EGD-CXR), and "
            + "4228.656 (00:42:28.656) in REFLACX phase 3; the ED visit has no admission (empty edstays hadm_id); no ICU";
    }

    static string ExactlyAtBounds(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 12, 48, 28), s.At(0, 23, 9, 33), admitted: true, rng);
        t.Study(s, s.At(0, 12, 48, 28), rng, lateral: false).EgdForm = GazeIdForm.Full;
        t.Study(s, s.At(0, 23, 9, 33), rng, lateral: false).ReflacxPhase = 3;
        t.EdStay(s, s.At(30, 15, 2, 10), s.At(30, 23, 9, 33), admitted: false, rng);
        t.Study(s, s.At(30, 23, 9, 33, 250), rng, lateral: false).ReflacxPhase = 3;
        return "studies exactly at an ED stay's intime (StudyTime 124828.0) and exactly at its outtime (230933.0), "
            + "and one 0.25 s after another stay's outtime (230933.25)";
    }

    static string OverlappingStays(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 10, 15, 0), s.At(0, 20, 40, 0), admitted: false, rng);
        t.EdStay(s, s.At(0, 14, 5, 0), s.At(0, 22, 30, 0), admitted: true, rng);
        t.Icu(s, s.Admissions[^1], s.At(1, 1, 0, 0), s.At(2, 18, 12, 9), rng);
        var image = t.Study(s, s.At(0, 15, 30, 12, 500), rng, lateral: true);
        image.ReflacxPhase = 2;
        image.ReflacxDiscarded = 1;
        return "a study (153012.5) inside two overlapping ED stays (10:15-20:40 and 14:05-22:30); REFLACX phase 2 "
            + "(5 readers, 1 reading discarded); ICU stay";
    }

    static string AfterTheStay(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(-30, 19, 0, 5), s.At(-29, 1, 10, 0), admitted: false, rng);
        var stay = t.EdStay(s, s.At(0, 9, 12, 0), s.At(0, 17, 45, 0), admitted: true, rng, admitDays: 8);
        t.Study(s, stay.Out.AddHours(5).AddSeconds(31.5), rng, lateral: false).ReflacxPhase = 3;
        t.Study(s, stay.Out.AddDays(2).AddHours(3).AddSeconds(607.25), rng, lateral: true).EgdForm = GazeIdForm.Full;
        t.Study(s, stay.Out.AddDays(6).AddHours(2).AddSeconds(1.5), rng, lateral: false).ReflacxPhase = 3;
        t.Study(s, stay.Out.AddDays(9).AddMinutes(30).AddSeconds(9.125), rng, lateral: false).ReflacxPhase = 3;
        return "studies 5 hours, 2 days, 6 days and 9 days after the latest ED stay ended (for --window-days), "
            + "and an older ED stay 30 days before";
    }

    static string NoEdWithIcu(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        var a = t.Admission(s, s.At(0, 7, 30, 0), s.At(6, 12, 0, 0), "ELECTIVE", fromEd: null);
        t.Icu(s, a, s.At(1, 8, 0, 0), s.At(3, 8, 0, 0), rng);
        t.Study(s, s.At(2, 6, 14, 9, 109), rng, lateral: false).EgdForm = GazeIdForm.Full;
        return "no ED stay at all (no ED folder); an elective admission with an ICU stay; study during the ICU stay (EGD-CXR)";
    }

    static string NoEdNoIcu(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.Admission(s, s.At(0, 10, 0, 0), s.At(2, 15, 0, 0), "ELECTIVE", fromEd: null);
        t.Study(s, s.At(1, 11, 2, 3, 5), rng, lateral: false).ReflacxPhase = 3;
        t.NonCohortStudies(s, rng, 1);
        return "no ED stay and no ICU stay (neither ED nor ICU folder); REFLACX phase 3; a study outside the cohort";
    }

    static string OtherSubjectSameTime(SampleTimelines t, SubjectPlan s, SubjectPlan partner, Prng rng)
    {
        t.EdStay(s, s.At(-13, 9, 0, 0), s.At(-12, 2, 0, 0), admitted: false, rng);
        t.Study(s, s.At(0, 11, 22, 33, 444), rng, lateral: false).EgdForm = GazeIdForm.Full;
        t.EdStay(partner, s.At(0, 10, 0, 0), s.At(0, 13, 30, 0), admitted: false, rng);
        return $"a study (112233.444) inside an ED stay of another subject ({partner.Id}, outside the cohort) with the "
            + "same times; this subject's own ED stay ended 12 days earlier";
    }

    static string TrimmedWithFullElsewhere(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 13, 0, 0), s.At(0, 19, 0, 0), admitted: true, rng);
        var image = t.Study(s, s.At(0, 15, 45, 1, 31), rng, lateral: false);
        image.EgdForm = GazeIdForm.TrimmedAndFullWithMoreRows;
        image.ReflacxPhase = 1;
        image.ReflacxDiscarded = 1;
        return "EGD DICOM_ID trimmed to 39 characters in one session, and the full id with more rows in another "
            + "(eye_gaze.csv and fixations.csv); also in REFLACX phase 1 (5 readers, 1 reading discarded)";
    }

    static string TrimmedOnly(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 20, 0, 0), s.At(1, 2, 0, 0), admitted: false, rng);
        t.Study(s, s.At(0, 21, 30, 0, 10), rng, lateral: false).EgdForm = GazeIdForm.TrimmedOnly;
        t.NonCohortStudies(s, rng, 1);
        return "EGD DICOM_ID trimmed to 35 characters; the full id is absent from eye_gaze.csv and fixations.csv "
            + "(it is in the master sheet and the CXR metadata); a study outside the cohort";
    }

    static string TrimmedAmbiguous(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 6, 30, 0), s.At(0, 12, 0, 0), admitted: true, rng);
        var frontal = t.Study(s, s.At(0, 9, 59, 59, 999), rng, lateral: false);
        frontal.EgdForm = GazeIdForm.TrimmedAmbiguous;
        var twin = frontal.DicomId[..39] + rng.Hex(5);
        SampleTimelines.Image(s, frontal.Study, "LATERAL", rng, twin);
        return "EGD DICOM_ID trimmed to 39 characters that is the prefix of two dicom_ids of one study (the frontal, "
            + "in the master sheet, and a LATERAL one outside the cohort); the full frontal id is also present, with fewer "
            + "rows; StudyTime 95959.999";
    }

    static string PhaseTwoWithIcu(SampleTimelines t, SubjectPlan s, Prng rng)
    {
        t.EdStay(s, s.At(0, 2, 15, 0), s.At(0, 9, 50, 0), admitted: true, rng);
        t.Icu(s, s.Admissions[^1], s.At(0, 12, 0, 0), s.At(2, 7, 7, 7), rng);
        var image = t.Study(s, s.At(0, 4, 1, 2, 30), rng, lateral: true);
        image.ReflacxPhase = 2;
        image.ReflacxDiscarded = 1;
        return "REFLACX phase 2 (5 readers, 1 reading discarded) inside an ED stay; ICU stay";
    }
}
