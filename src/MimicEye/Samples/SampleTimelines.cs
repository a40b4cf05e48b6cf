namespace MimicEye.Samples;

/// <summary>Builds subjects' hospital timelines and studies: the primitives the scripted scenarios use,
/// and the random timelines of the unscripted cohort and of the other subjects.</summary>
sealed class SampleTimelines(SampleIds ids)
{
    static readonly string[] YearGroups = ["2008 - 2010", "2011 - 2013", "2014 - 2016", "2017 - 2019", "2020 - 2022"];
    static readonly string[] Dispositions = ["HOME", "HOME", "HOME", "LEFT WITHOUT BEING SEEN", "TRANSFER", "OTHER", "LEFT AGAINST MEDICAL ADVICE"];
    static readonly string[] Races = ["WHITE", "WHITE", "BLACK/AFRICAN AMERICAN", "HISPANIC/LATINO - PUERTO RICAN", "ASIAN - CHINESE", "OTHER", "UNKNOWN"];
    static readonly string[] IcuUnits = ["Medical Intensive Care Unit (MICU)", "Surgical Intensive Care Unit (SICU)", "Cardiac Vascular Intensive Care Unit (CVICU)", "Coronary Care Unit (CCU)"];

    public static void Demographics(SubjectPlan s, Prng rng)
    {
        s.Gender = rng.Chance(0.5) ? "F" : "M";
        s.AnchorAge = rng.Range(18, 91);
        s.AnchorYear = rng.Range(2110, 2190);
        s.AnchorYearGroup = rng.Pick(YearGroups);
        s.Day0 = new DateTime(s.AnchorYear, 1, 1).AddDays(rng.Range(0, 300));
        s.Race = rng.Pick(Races);
        s.Insurance = rng.Pick(["Medicare", "Medicaid", "Other"]);
        s.Language = rng.Chance(0.9) ? "ENGLISH" : "?";
        s.MaritalStatus = rng.Pick(["MARRIED", "SINGLE", "WIDOWED", "DIVORCED", null]);
    }

    public EdStayPlan EdStay(SubjectPlan s, DateTime intime, DateTime outtime, bool admitted, Prng rng, int admitDays = 4)
    {
        var stayId = ids.Three(s, SampleIds.EdSlot + s.EdStays.Count);
        long? hadm = null;
        if (admitted)
            hadm = Admission(s, outtime.AddMinutes(-rng.Range(10, 90)), outtime.AddDays(admitDays).AddMinutes(rng.Range(0, 600)), "EW EMER.", fromEd: null).HadmId;
        var stay = new EdStayPlan(stayId, hadm, intime, outtime, admitted ? "ADMITTED" : rng.Pick(Dispositions));
        s.EdStays.Add(stay);
        if (admitted)
            s.Admissions[^1] = s.Admissions[^1] with { FromEd = stay };
        return stay;
    }

    public AdmissionPlan Admission(SubjectPlan s, DateTime admit, DateTime discharge, string type, EdStayPlan? fromEd)
    {
        var a = new AdmissionPlan(ids.Hadm(s, s.Admissions.Count), admit, discharge, fromEd, type);
        s.Admissions.Add(a);
        return a;
    }

    public IcuStayPlan Icu(SubjectPlan s, AdmissionPlan a, DateTime intime, DateTime outtime, Prng rng)
    {
        var icu = new IcuStayPlan(ids.Three(s, SampleIds.IcuSlot + s.IcuStays.Count), a.HadmId, intime, outtime, rng.Pick(IcuUnits));
        s.IcuStays.Add(icu);
        return icu;
    }

    /// <summary>A study with a frontal image (returned) and optionally a lateral one.</summary>
    public ImagePlan Study(SubjectPlan s, DateTime time, Prng rng, bool lateral)
    {
        var study = new StudyPlan(ids.Study(s, s.Studies.Count), time);
        s.Studies.Add(study);
        var frontal = Image(s, study, rng.Chance(0.6) ? "PA" : "AP", rng);
        if (lateral)
            Image(s, study, "LATERAL", rng);
        return frontal;
    }

    public static ImagePlan Image(SubjectPlan s, StudyPlan study, string view, Prng rng, string? dicomId = null)
    {
        dicomId ??= $"{rng.Hex(8)}-{rng.Hex(8)}-{rng.Hex(8)}-{rng.Hex(8)}-{rng.Hex(8)}";
        // Frontal films are taller than wide, laterals about square, as in MIMIC-CXR (3056×2544 etc.).
        var width = rng.Range(40, 80);
        var height = view == "LATERAL" ? rng.Range(40, 80) : rng.Range(width, 96);
        var image = new ImagePlan(s, study, dicomId, view, width, height);
        study.Images.Add(image);
        return image;
    }

    /// <summary>An unscripted cohort subject: 0–3 ED visits, admissions, maybe ICU, 1–2 cohort studies
    /// (mostly during an ED stay) and 0–2 studies outside the cohort.</summary>
    public void Ordinary(SubjectPlan s, Prng rng, int ordinal)
    {
        Clinical(s, rng, edVisits: rng.Chance(0.15) ? 0 : rng.Range(1, 3));
        var cohortStudies = rng.Range(1, 2);
        for (var k = 0; k < cohortStudies; k++)
        {
            DateTime time;
            if (s.EdStays.Count > 0 && rng.Chance(0.65))
            {
                var stay = rng.Pick(s.EdStays);
                time = stay.In.AddMilliseconds(rng.NextLong((long)(stay.Out - stay.In).TotalMilliseconds));
            }
            else
                time = s.Day0.AddDays(rng.Range(-200, 400)).AddSeconds(rng.Range(0, 86399)).AddMilliseconds(rng.Range(0, 999));
            var image = Study(s, time, rng, lateral: rng.Chance(0.5));
            // One in 25 is read by the five radiologists of REFLACX phase 1 or 2, the rest as published:
            // about a third in EGD-CXR, two thirds in REFLACX phase 3, a few in both.
            if (ordinal % 25 == 24 && k == 0)
                image.ReflacxPhase = ordinal / 25 % 2 == 0 ? 1 : 2;
            else
            {
                var draw = rng.NextDouble();
                if (draw < 0.35 || draw >= 0.9)
                    image.EgdForm = GazeIdForm.Full;
                if (draw >= 0.35)
                    image.ReflacxPhase = 3;
            }
        }
        NonCohortStudies(s, rng, rng.Range(0, 2));
    }

    /// <summary>A subject outside the cohort: clinical rows, and for one in five some CXR metadata rows
    /// (no JPGs: a user downloads only the cohort's images).</summary>
    public void Other(SubjectPlan s, Prng rng)
    {
        Clinical(s, rng, edVisits: rng.Chance(0.6) ? 0 : rng.Range(1, 2));
        if (rng.Chance(0.2))
            NonCohortStudies(s, rng, rng.Range(1, 2));
    }

    public void NonCohortStudies(SubjectPlan s, Prng rng, int count)
    {
        for (var k = 0; k < count; k++)
            Study(s, s.Day0.AddDays(rng.Range(-300, 600)).AddSeconds(rng.Range(0, 86399)).AddMilliseconds(rng.Range(0, 999)), rng, rng.Chance(0.5));
    }

    void Clinical(SubjectPlan s, Prng rng, int edVisits)
    {
        var day = rng.Range(-60, 0);
        for (var v = 0; v < edVisits; v++)
        {
            var intime = s.At(day, rng.Range(0, 23), rng.Range(0, 59), rng.Range(0, 59));
            var stay = EdStay(s, intime, intime.AddMinutes(rng.Range(90, 900)), admitted: rng.Chance(0.55), rng, rng.Range(1, 9));
            if (stay.HadmId is { } && rng.Chance(0.3))
            {
                var a = s.Admissions[^1];
                Icu(s, a, a.Admit.AddHours(rng.Range(2, 20)), a.Admit.AddHours(rng.Range(24, 96)).AddSeconds(rng.Range(0, 3599)), rng);
            }
            day += rng.Range(20, 200);
        }
        if (s.Admissions.Count == 0 && rng.Chance(0.4))
        {
            var admit = s.At(day, rng.Range(6, 12), rng.Range(0, 59), 0);
            Admission(s, admit, admit.AddDays(rng.Range(1, 6)).AddMinutes(rng.Range(0, 600)), "ELECTIVE", fromEd: null);
        }
        if (rng.Chance(0.05))
            s.DateOfDeath = s.Day0.AddDays(day + rng.Range(30, 900)).Date;
    }
}
