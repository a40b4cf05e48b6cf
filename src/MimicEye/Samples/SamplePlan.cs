namespace MimicEye.Samples;

/// <summary>The whole synthetic world before any file is written: every subject with its stays, studies,
/// REFLACX readings and EGD cases. It grows with the number of subjects, never with the number of rows of
/// the big tables, which the writers generate row by row.</summary>
sealed class SamplePlan
{
    SamplePlan(SampleOptions options)
    {
        Options = options;
        Ids = new SampleIds(options.Seed);
    }

    public SampleOptions Options { get; }
    public SampleIds Ids { get; }
    public List<SubjectPlan> Cohort { get; } = [];
    public List<SubjectPlan> Others { get; } = [];

    /// <summary>Every subject, sorted by subject_id: the order of the per-subject tables.</summary>
    public List<SubjectPlan> ById { get; private set; } = [];

    /// <summary>Every image of every subject, in the order of the CXR-JPG files (by path).</summary>
    public List<ImagePlan> Images { get; private set; } = [];

    /// <summary>REFLACX readings by phase (index 1–3), sorted by id.</summary>
    public List<ReflacxReading>[] Readings { get; } = [[], [], [], []];

    /// <summary>EGD-CXR images in master-sheet order (session, media).</summary>
    public List<EgdCase> EgdCases { get; } = [];

    public static SamplePlan Build(SampleOptions options)
    {
        var plan = new SamplePlan(options);
        var seed = options.Seed;
        var timelines = new SampleTimelines(plan.Ids);
        var total = options.Patients + options.ResolvedOtherPatients;
        for (var i = 0; i < total; i++)
        {
            var subject = new SubjectPlan(i, plan.Ids.Subject(i), inCohort: i < options.Patients);
            SampleTimelines.Demographics(subject, Prng.Derive(seed, "demographics", i));
            (subject.InCohort ? plan.Cohort : plan.Others).Add(subject);
        }
        for (var i = SampleScenarios.Count; i < plan.Cohort.Count; i++)
            timelines.Ordinary(plan.Cohort[i], Prng.Derive(seed, "cohort", i), i - SampleScenarios.Count);
        foreach (var other in plan.Others)
            timelines.Other(other, Prng.Derive(seed, "other", other.Index));
        SampleScenarios.Apply(plan, timelines);

        plan.ById = [.. plan.Cohort.Concat(plan.Others).OrderBy(s => s.SubjectId)];
        plan.Images = [.. plan.ById.SelectMany(s => s.Studies.OrderBy(st => st.StudyId).SelectMany(st => st.Images.OrderBy(i => i.DicomId, StringComparer.Ordinal)))];
        plan.AssignSplits();
        plan.AssignReflacx();
        plan.AssignEgd();
        return plan;
    }

    public IEnumerable<ImagePlan> CohortImages => Images.Where(i => i.InCohort);

    /// <summary>MIMIC-CXR-JPG splits are per subject: mostly train, some test, a few validate.</summary>
    void AssignSplits()
    {
        foreach (var s in ById)
        {
            var draw = Prng.Derive(Options.Seed, "split", s.Index).NextDouble();
            var split = draw < 0.03 ? "validate" : draw < 0.13 ? "test" : "train";
            foreach (var image in s.Studies.SelectMany(st => st.Images))
                image.Split = split;
        }
    }

    /// <summary>Ids <c>P{phase}{trial:02}R{6 digits}</c>: phases 1 and 2 have five readings per image (trial =
    /// the image's number in its phase), phase 3 one (trial 00). The discarded readings are the last readers.</summary>
    void AssignReflacx()
    {
        var rng = Prng.Derive(Options.Seed, "reflacx-ids");
        var used = new HashSet<int>();
        var trial = new int[4];
        foreach (var image in Cohort.SelectMany(s => s.Studies).SelectMany(st => st.Images).Where(i => i.ReflacxPhase > 0))
        {
            var phase = image.ReflacxPhase;
            var readers = phase == 3 ? 1 : 5;
            var trialText = phase == 3 ? "00" : ((++trial[phase] % 100).ToString("D2", System.Globalization.CultureInfo.InvariantCulture));
            for (var r = 0; r < readers; r++)
            {
                int number;
                do
                    number = rng.Range(100000, 999999);
                while (!used.Add(number));
                var reading = new ReflacxReading($"P{phase}{trialText}R{number}", phase, image, r + 1, Discarded: r >= readers - image.ReflacxDiscarded);
                image.Readings.Add(reading);
                Readings[phase].Add(reading);
            }
        }
        foreach (var list in Readings)
            list.Sort((a, b) => string.CompareOrdinal(a.Id, b.Id));
    }

    /// <summary>Sessions of six images each, in cohort order; the old stay_id comes from EGD-CXR's own,
    /// older linkage and is never an ED stay_id.</summary>
    void AssignEgd()
    {
        var n = 0;
        foreach (var image in Cohort.SelectMany(s => s.Studies).SelectMany(st => st.Images).Where(i => i.EgdForm is not null))
        {
            var oldStay = Ids.Three(image.Subject, SampleIds.OldEgdStaySlot);
            image.Egd = new EgdCase(image, Session: 1 + (n / 6), Media: 1 + (n % 6), image.EgdForm!.Value, image.EgdCalibration, oldStay);
            EgdCases.Add(image.Egd);
            n++;
        }
    }
}
