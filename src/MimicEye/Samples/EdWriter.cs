using System.Globalization;

using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>MIMIC-IV-ED 2.2: edstays and the per-stay tables. A visit without admission has an empty
/// hadm_id; triage has no time (its vitals are at intime).</summary>
static class EdWriter
{
    static readonly string[] Complaints = ["Dyspnea", "Chest pain", "Cough, Fever", "SOB", "Transfer, Abnormal labs", "Weakness"];
    static readonly string[] Pain = ["0", "3", "5", "8", "10", "unable", "Critical", ""];
    static readonly (string Code, int Version, string Title)[] Codes =
    [
        ("R0602", 10, "SHORTNESS OF BREATH"), ("R079", 10, "CHEST PAIN, UNSPECIFIED"), ("J189", 10, "PNEUMONIA, UNSPECIFIED ORGANISM"),
        ("78605", 9, "SHORTNESS OF BREATH"), ("486", 9, "PNEUMONIA,ORGANISM UNSPECIFIED"), ("I509", 10, "HEART FAILURE, UNSPECIFIED"),
    ];

    public static string Path(string table) => SampleContext.Table(ProjectKind.MimicIvEd, "ed/" + table);

    public static void Write(SampleContext ctx)
    {
        PerStay(ctx, "diagnosis", Diagnosis);
        PerStay(ctx, "edstays", Stay);
        PerStay(ctx, "medrecon", MedRecon);
        PerStay(ctx, "pyxis", Pyxis);
        PerStay(ctx, "triage", Triage);
        PerStay(ctx, "vitalsign", VitalSigns);
    }

    static void PerStay(SampleContext ctx, string table, Action<SubjectPlan, EdStayPlan, Prng, CsvRowWriter> rows)
    {
        ctx.Output.WriteGzipCsv(Path(table), SampleColumns.Split(SampleColumns.Ed[table]), w =>
        {
            foreach (var s in ctx.Plan.ById)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                var rng = ctx.Rng("ed/" + table, s.Index);
                foreach (var stay in s.EdStays.OrderBy(e => e.In))
                    rows(s, stay, rng, w);
            }
        });
    }

    static void Stay(SubjectPlan s, EdStayPlan e, Prng rng, CsvRowWriter w)
    {
        w.Int(s.SubjectId);
        w.Int(e.HadmId);
        w.Int(e.StayId);
        w.Time(e.In);
        w.Time(e.Out);
        w.Text(s.Gender);
        w.Text(s.Race);
        w.Text(rng.Pick(["WALK IN", "AMBULANCE", "AMBULANCE", "UNKNOWN", "OTHER"]));
        w.Text(e.Disposition);
        w.EndRow();
    }

    static void Triage(SubjectPlan s, EdStayPlan e, Prng rng, CsvRowWriter w)
    {
        w.Int(s.SubjectId);
        w.Int(e.StayId);
        w.Fixed(rng.Range(970, 1020) / 10.0, 1);
        w.Int(rng.Range(55, 130));
        w.Int(rng.Range(12, 30));
        w.Int(rng.Range(88, 100));
        w.Int(rng.Range(90, 180));
        w.Int(rng.Range(45, 100));
        w.Text(rng.Pick(Pain));
        w.Int(rng.Range(1, 5));
        w.Text(rng.Pick(Complaints));
        w.EndRow();
    }

    static void VitalSigns(SubjectPlan s, EdStayPlan e, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(1, 4);
        var minutes = Math.Max(1, (long)(e.Out - e.In).TotalMinutes);
        foreach (var offset in Enumerable.Range(0, n).Select(_ => rng.NextLong(minutes)).Order())
        {
            w.Int(s.SubjectId);
            w.Int(e.StayId);
            w.Time(e.In.AddMinutes(offset));
            w.Fixed(rng.Range(970, 1020) / 10.0, 1);
            w.Int(rng.Range(55, 130));
            w.Int(rng.Range(12, 30));
            w.Int(rng.Range(88, 100));
            w.Int(rng.Range(90, 180));
            w.Int(rng.Range(45, 100));
            w.Text(rng.Chance(0.2) ? "Sinus Rhythm" : null);
            w.Text(rng.Pick(Pain));
            w.EndRow();
        }
    }

    static void Diagnosis(SubjectPlan s, EdStayPlan e, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(1, 3);
        for (var seq = 1; seq <= n; seq++)
        {
            var c = rng.Pick(Codes);
            w.Int(s.SubjectId);
            w.Int(e.StayId);
            w.Int(seq);
            w.Text(c.Code);
            w.Int(c.Version);
            w.Text(c.Title);
            w.EndRow();
        }
    }

    static void MedRecon(SubjectPlan s, EdStayPlan e, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(0, 3);
        for (var k = 0; k < n; k++)
        {
            w.Int(s.SubjectId);
            w.Int(e.StayId);
            w.Time(e.In.AddMinutes(rng.Range(5, 60)));
            w.Text(rng.Pick(SampleDictionaries.Medications));
            w.Text(rng.Range(1000, 70000).ToString("D6", CultureInfo.InvariantCulture));
            w.Int(rng.NextLong(100_000_000_000));
            w.Int(1);
            w.Int(rng.Range(100, 6000));
            w.Text(rng.Pick(["Loop Diuretics", "Analgesic or Antipyretic Non-Opioid", "Beta-Blockers, Cardiac-Selective"]));
            w.EndRow();
        }
    }

    static void Pyxis(SubjectPlan s, EdStayPlan e, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(0, 3);
        for (var k = 1; k <= n; k++)
        {
            w.Int(s.SubjectId);
            w.Int(e.StayId);
            w.Time(e.In.AddMinutes(rng.Range(10, 200)));
            w.Int(k);
            w.Text(rng.Pick(SampleDictionaries.Medications));
            w.Int(1);
            w.Text(rng.Range(1000, 70000).ToString("D6", CultureInfo.InvariantCulture));
            w.EndRow();
        }
    }
}
