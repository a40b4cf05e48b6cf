namespace MimicEye.Samples;

/// <summary>MIMIC-IV hosp: the coded tables of each admission (diagnoses, procedures, DRGs, HCPCS) and
/// microbiology.</summary>
static class HospCodesWriter
{
    static readonly (string Type, string Code, string Text)[] Drgs =
    [
        ("HCFA", "291", "HEART FAILURE & SHOCK W MCC"), ("HCFA", "194", "SIMPLE PNEUMONIA & PLEURISY W CC"),
        ("HCFA", "189", "PULMONARY EDEMA & RESPIRATORY FAILURE"), ("APR", "194", "Heart Failure"),
        ("APR", "139", "Other Pneumonia"), ("APR", "137", "Major Respiratory Infections & Inflammations"),
    ];

    static readonly (int Item, string Specimen)[] Specimens = [(70012, "BLOOD CULTURE"), (70070, "SWAB"), (70079, "URINE"), (70062, "SPUTUM")];

    /// <summary>Micro comments: trailing spaces and a comma as in the real table, PHI as ___.</summary>
    static readonly string[] MicroComments =
    [
        "No growth.  ", "No VRE isolated.  ", "Reported to and read back by ___, ___ 10:42AM.", "",
        "NO GROWTH, FINAL.", "Sensitivity testing performed by ___ \"Sensititre\" method.",
    ];

    public static void Write(SampleContext ctx)
    {
        HospWriter.PerSubject(ctx, "diagnoses_icd", Diagnoses);
        HospWriter.PerSubject(ctx, "drgcodes", DrgCodes);
        HospWriter.PerSubject(ctx, "hcpcsevents", Hcpcs);
        HospWriter.PerSubject(ctx, "microbiologyevents", Micro);
        HospWriter.PerSubject(ctx, "procedures_icd", Procedures);
    }

    static void Diagnoses(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        foreach (var a in s.Admissions)
        {
            var n = rng.Range(2, 6);
            for (var seq = 1; seq <= n; seq++)
            {
                var code = rng.Pick(SampleDictionaries.Diagnoses);
                w.Int(s.SubjectId);
                w.Int(a.HadmId);
                w.Int(seq);
                w.Text(code.Id);
                w.Int(code.Version);
                w.EndRow();
            }
        }
    }

    static void Procedures(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        foreach (var a in s.Admissions)
        {
            var n = rng.Range(0, 2);
            for (var seq = 1; seq <= n; seq++)
            {
                var code = rng.Pick(SampleDictionaries.Procedures);
                w.Int(s.SubjectId);
                w.Int(a.HadmId);
                w.Int(seq);
                w.Date(a.Admit.AddDays(rng.Range(0, Math.Max(0, (a.Discharge - a.Admit).Days))));
                w.Text(code.Id);
                w.Int(code.Version);
                w.EndRow();
            }
        }
    }

    static void DrgCodes(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        foreach (var a in s.Admissions)
        {
            var hcfa = Drgs[rng.Next(3)];
            Drg(w, s, a.HadmId, hcfa, null, null);
            if (rng.Chance(0.7))
                Drg(w, s, a.HadmId, Drgs[3 + rng.Next(3)], rng.Range(1, 4), rng.Range(1, 4));
        }
    }

    static void Drg(CsvRowWriter w, SubjectPlan s, long hadm, (string Type, string Code, string Text) drg, int? severity, int? mortality)
    {
        w.Int(s.SubjectId);
        w.Int(hadm);
        w.Text(drg.Type);
        w.Text(drg.Code);
        w.Text(drg.Text);
        w.Int(severity);
        w.Int(mortality);
        w.EndRow();
    }

    static void Hcpcs(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        foreach (var a in s.Admissions.Where(_ => rng.Chance(0.4)))
        {
            var n = rng.Range(1, 2);
            for (var seq = 1; seq <= n; seq++)
            {
                var code = SampleDictionaries.Hcpcs[1 + rng.Next(SampleDictionaries.Hcpcs.Length - 1)];
                w.Int(s.SubjectId);
                w.Int(a.HadmId);
                w.Date(a.Admit);
                w.Text(code.Code);
                w.Int(seq);
                w.Text(code.Short);
                w.EndRow();
            }
        }
    }

    /// <summary>chartdate and storedate are midnight timestamps, not dates (sources.md §1.2).</summary>
    static void Micro(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        var events = 0;
        foreach (var a in s.Admissions.Where(_ => rng.Chance(0.5)))
        {
            var n = rng.Range(1, 3);
            var specimen = rng.Pick(Specimens);
            var specimenId = 1_000_000 + (s.Index * 64L) + events;
            var at = a.Admit.AddMinutes(rng.Range(30, 1440));
            for (var seq = 1; seq <= n; seq++)
            {
                var stored = at.AddDays(rng.Range(1, 3)).Date.AddMinutes(rng.Range(420, 1080));
                w.Int((s.Index * 64L) + ++events);
                w.Int(s.SubjectId);
                w.Int(a.HadmId);
                w.Int(specimenId);
                w.Text(rng.Chance(0.5) ? ctx.Provider(rng) : null);
                w.Time(at.Date);
                w.Time(at);
                w.Int(specimen.Item);
                w.Text(specimen.Specimen);
                w.Int(seq);
                w.Time(stored.Date);
                w.Time(stored);
                w.Int(90000 + specimen.Item % 1000);
                w.Text(specimen.Specimen == "BLOOD CULTURE" ? "Blood Culture, Routine" : "R/O VANCOMYCIN RESISTANT ENTEROCOCCUS");
                for (var k = 0; k < 10; k++)
                    w.Empty(); // org_itemid .. interpretation: no organism grew
                w.Text(rng.Pick(MicroComments));
                w.EndRow();
            }
        }
    }
}
