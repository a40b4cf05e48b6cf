using static MimicEye.Samples.HospWriter;

namespace MimicEye.Samples;

/// <summary>MIMIC-IV hosp orders, written in one pass because their ids link them: poe (+ poe_detail),
/// and for medication orders pharmacy, prescriptions, emar (+ emar_detail). emar_id and poe_id are
/// <c>&lt;subject_id&gt;-&lt;seq&gt;</c> strings, as in MIMIC-IV.</summary>
static class HospOrdersWriter
{
    static readonly string[] Tables = ["emar", "emar_detail", "pharmacy", "poe", "poe_detail", "prescriptions"];
    static readonly string[] OrderTypes = ["Medications", "Medications", "Lab", "General Care", "Radiology", "ADT orders"];

    public static void Write(SampleContext ctx)
    {
        var open = new List<GzipTable>();
        try
        {
            foreach (var name in Tables)
                open.Add(ctx.Output.CreateGzipCsv(HospWriter.Path(name), SampleColumns.Split(SampleColumns.Hosp[name])));
            var w = open.Select(t => t.Rows).ToArray();
            foreach (var s in ctx.Plan.ById)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                Orders(ctx, s, ctx.Rng("hosp/orders", s.Index), new Writers(w[0], w[1], w[2], w[3], w[4], w[5]));
            }
            foreach (var t in open)
                t.Complete();
        }
        finally
        {
            foreach (var t in open)
                t.Dispose();
        }
    }

    sealed record Writers(CsvRowWriter Emar, CsvRowWriter EmarDetail, CsvRowWriter Pharmacy, CsvRowWriter Poe, CsvRowWriter PoeDetail, CsvRowWriter Prescriptions);

    static void Orders(SampleContext ctx, SubjectPlan s, Prng rng, Writers w)
    {
        int poeSeq = 0, emarSeq = 0, medications = 0;
        foreach (var a in s.Admissions)
        {
            var n = rng.Range(2, 6);
            for (var k = 0; k < n; k++)
            {
                poeSeq += rng.Range(1, 9);
                var poeId = $"{s.Id}-{poeSeq}";
                var type = rng.Pick(OrderTypes);
                var at = a.Admit.AddSeconds(rng.NextLong((long)(a.Discharge - a.Admit).TotalSeconds));
                var provider = ctx.Provider(rng);
                w.Poe.Row(poeId, Num(poeSeq), s.Id, Num(a.HadmId), Stamp(at), type, type == "General Care" ? "Vitals/Monitoring" : null,
                    "New", null, null, provider, "Inactive");
                if (type == "ADT orders")
                    w.PoeDetail.Row(poeId, Num(poeSeq), s.Id, "Admit to", rng.Pick(["Medicine", "Surgery", "Cardiology"]));
                if (type != "Medications")
                    continue;
                var pharmacyId = 10_000_000 + (s.Index * 128L) + medications++;
                var drug = rng.Pick(SampleDictionaries.Medications);
                var stop = at.AddHours(rng.Range(6, 72));
                var route = rng.Pick(["IV", "PO", "SC", "NEB"]);
                w.Pharmacy.Row(s.Id, Num(a.HadmId), Num(pharmacyId), poeId, Stamp(at), Stamp(stop), drug, "Unit Dose", "Discontinued",
                    Stamp(at.AddMinutes(-rng.Range(5, 50))), Stamp(at.AddMinutes(-rng.Range(1, 4))), route, rng.Pick(["Q6H", "DAILY", "BID", "ONCE"]),
                    "0, 6, 12, 18", null, null, null, null, null, "4", null, null, "36", "Hours", null, "Floor Stock Item", null);
                w.Prescriptions.Row(s.Id, Num(a.HadmId), Num(pharmacyId), poeId, Num(poeSeq), provider, Stamp(at), Stamp(stop), "MAIN", drug,
                    drug[..Math.Min(6, drug.Length)].ToUpperInvariant(), Num(rng.Range(1000, 70000)), Num(rng.NextLong(100_000_000_000)),
                    "40mg Tablet", null, Num(rng.Range(1, 40)), "mg", "1", "TAB", "4", route);
                var given = rng.Range(1, 3);
                for (var g = 0; g < given; g++)
                {
                    emarSeq++;
                    var emarId = $"{s.Id}-{emarSeq}";
                    var chart = at.AddHours(6 * g).AddMinutes(rng.Range(0, 30));
                    w.Emar.Row(s.Id, Num(a.HadmId), emarId, Num(emarSeq), poeId, Num(pharmacyId), rng.Chance(0.3) ? ctx.Provider(rng) : null,
                        Stamp(chart), drug, rng.Pick(["Administered", "Administered", "Not Given", "Flushed"]), Stamp(at.AddHours(6 * g)),
                        Stamp(chart.AddMinutes(rng.Range(0, 20))));
                    Detail(w.EmarDetail, s, emarId, emarSeq, pharmacyId, route, rng);
                }
            }
        }
    }

    /// <summary>A parent row (empty ordinal) and one child row, as emar_detail stores a dose.</summary>
    static void Detail(CsvRowWriter w, SubjectPlan s, string emarId, int seq, long pharmacyId, string route, Prng rng)
    {
        var dose = Num(rng.Range(1, 40));
        w.Row([s.Id, emarId, Num(seq), null, "Other", Num(pharmacyId), "ID", null, null, dose, "mg", .. new string?[22]]);
        w.Row([s.Id, emarId, Num(seq), "1.1", null, Num(pharmacyId), null, null, null, null, null, dose, "mg", null, dose, "mg",
            null, null, null, null, null, null, null, null, route, null, null, null, null, null, null, null, null]);
    }

    static string Stamp(DateTime t) => t.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
}
