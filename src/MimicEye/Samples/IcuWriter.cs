using System.Globalization;

using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>MIMIC-IV icu: dictionaries, icustays and the smaller per-stay event tables. Subjects without an
/// ICU stay have no rows here (their ICU folder must not appear). outputevents and procedureevents carry
/// some millisecond timestamps (<c>21:06:00.090</c>), as the real TIMESTAMP(3) columns do.</summary>
static class IcuWriter
{
    public static string Path(string table) => SampleContext.Table(ProjectKind.MimicIv, "icu/" + table);

    public static void Write(SampleContext ctx)
    {
        ctx.Output.WriteGzipCsv(Path("caregiver"), ["caregiver_id"], w =>
        {
            foreach (var c in ctx.Caregivers)
                w.Row(Num(c));
        });
        ctx.Output.WriteGzipCsv(Path("d_items"), SampleColumns.Split(SampleColumns.Icu["d_items"]), w =>
        {
            foreach (var i in SampleDictionaries.Chart.Concat(SampleDictionaries.OtherIcu).OrderBy(i => i.ItemId))
            {
                w.Row(Num(i.ItemId), i.Label, i.Abbreviation, i.LinksTo, i.Category, i.Unit, i.ParamType,
                    i.High > 0 ? Num(i.Low) : null, i.High > 0 ? Num(i.High) : null);
            }
        });
        PerStay(ctx, "icustays", IcuStay);
        PerStay(ctx, "datetimeevents", DateTimeEvents);
        PerStay(ctx, "outputevents", OutputEvents);
        PerStay(ctx, "procedureevents", ProcedureEvents);
        IcuInputWriter.Write(ctx);
    }

    public static void PerStay(SampleContext ctx, string table, Action<SampleContext, SubjectPlan, IcuStayPlan, Prng, CsvRowWriter> rows)
    {
        ctx.Output.WriteGzipCsv(Path(table), SampleColumns.Split(SampleColumns.Icu[table]), w =>
        {
            foreach (var s in ctx.Plan.ById)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                var rng = ctx.Rng("icu/" + table, s.Index);
                foreach (var stay in s.IcuStays)
                    rows(ctx, s, stay, rng, w);
            }
        });
    }

    /// <summary>A time inside the stay, on the minute.</summary>
    public static DateTime During(IcuStayPlan stay, Prng rng) =>
        stay.In.AddMinutes(rng.NextLong(Math.Max(1, (long)(stay.Out - stay.In).TotalMinutes)));

    /// <summary>Milliseconds on one time in five, such as <c>.090</c>.</summary>
    public static DateTime Millis(DateTime t, Prng rng) => rng.Chance(0.2) ? t.AddMilliseconds(rng.Pick([90, 413, 7, 250])) : t;

    public static void Stamp(CsvRowWriter w, DateTime t) => w.Time(t, millis: t.Millisecond != 0);

    static void IcuStay(SampleContext ctx, SubjectPlan s, IcuStayPlan stay, Prng rng, CsvRowWriter w)
    {
        w.Int(s.SubjectId);
        w.Int(stay.HadmId);
        w.Int(stay.StayId);
        w.Text(stay.CareUnit);
        w.Text(rng.Chance(0.8) ? stay.CareUnit : "Medicine");
        w.Time(stay.In);
        w.Time(stay.Out);
        // Full double precision, as in the real file (7.7025115740740739).
        w.Text((stay.Out - stay.In).TotalDays.ToString("G17", CultureInfo.InvariantCulture));
        w.EndRow();
    }

    static void DateTimeEvents(SampleContext ctx, SubjectPlan s, IcuStayPlan stay, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(1, 2);
        for (var k = 0; k < n; k++)
        {
            var at = During(stay, rng);
            Lead(ctx, w, s, stay, rng);
            w.Time(at);
            w.Time(at.AddMinutes(rng.Range(0, 30)));
            w.Int(k == 0 ? 225343 : 224280);
            w.Time(stay.In.Date.AddDays(-rng.Range(0, 3)));
            w.Text("Date");
            w.Int(0);
            w.EndRow();
        }
    }

    static void OutputEvents(SampleContext ctx, SubjectPlan s, IcuStayPlan stay, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(2, 4);
        for (var k = 0; k < n; k++)
        {
            var at = Millis(During(stay, rng), rng);
            Lead(ctx, w, s, stay, rng);
            Stamp(w, at);
            Stamp(w, Millis(at.AddMinutes(rng.Range(1, 40)), rng));
            w.Int(226559);
            w.Int(rng.Range(5, 120) * 5);
            w.Text("ml");
            w.EndRow();
        }
    }

    static void ProcedureEvents(SampleContext ctx, SubjectPlan s, IcuStayPlan stay, Prng rng, CsvRowWriter w)
    {
        var n = rng.Range(1, 2);
        for (var k = 0; k < n; k++)
        {
            var start = During(stay, rng);
            var end = Millis(start.AddMinutes(rng.Range(30, 3000)), rng);
            var minutes = (long)(end - start).TotalMinutes;
            var ventilation = k == 0;
            var order = (s.Index * 100L) + (stay.StayId % 10 * 10) + k;
            Lead(ctx, w, s, stay, rng);
            Stamp(w, start);
            Stamp(w, end);
            Stamp(w, Millis(end.AddMinutes(rng.Range(0, 20)), rng));
            w.Int(ventilation ? 225792 : 224263);
            w.Int(ventilation ? minutes : 1);
            w.Text(ventilation ? "min" : "day");
            w.Text(ventilation ? null : "Left Arm");
            w.Text(ventilation ? null : "Invasive Venous");
            w.Int(order);
            w.Int(order);
            w.Text(ventilation ? "Ventilation" : "Invasive Lines");
            w.Text("ContinuousProcess");
            w.Fixed(rng.Range(450, 1200) / 10.0, 1);
            w.Int(1);
            w.Int(0);
            w.Text("FinishedRunning");
            w.Int(ventilation ? minutes : 1);
            w.Int(1);
            w.EndRow();
        }
    }

    /// <summary>subject_id, hadm_id, stay_id, caregiver_id: the first four columns of every event table.</summary>
    public static void Lead(SampleContext ctx, CsvRowWriter w, SubjectPlan s, IcuStayPlan stay, Prng rng)
    {
        w.Int(s.SubjectId);
        w.Int(stay.HadmId);
        w.Int(stay.StayId);
        w.Int(ctx.Caregiver(rng));
    }

    public static string Num(double v) => v.ToString(CultureInfo.InvariantCulture);
}
