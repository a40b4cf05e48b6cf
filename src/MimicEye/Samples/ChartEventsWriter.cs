namespace MimicEye.Samples;

/// <summary>icu/chartevents, generated row by row in constant memory like labevents: rows come in charting
/// moments of one ICU stay; every cohort ICU stay gets one first, then a moment belongs to the cohort with
/// probability 1 %.</summary>
static class ChartEventsWriter
{
    static readonly string[] EyeOpening = ["Spontaneously", "To Speech", "To Pain", "None"];

    public static long Write(SampleContext ctx)
    {
        var target = ctx.Plan.Options.ChartRows;
        var cohort = ctx.Plan.Cohort.SelectMany(s => s.IcuStays.Select(i => (s, i))).ToArray();
        var others = ctx.Plan.Others.SelectMany(s => s.IcuStays.Select(i => (s, i))).ToArray();
        if (others.Length == 0)
            others = cohort;
        return ctx.Output.WriteGzipCsv(IcuWriter.Path("chartevents"), SampleColumns.Split(SampleColumns.Icu["chartevents"]), w =>
        {
            var rng = ctx.Rng("icu/chartevents");
            Span<byte> chart = stackalloc byte[19], store = stackalloc byte[19], number = stackalloc byte[32];
            long rows = 0;
            for (long group = 0; rows < target; group++)
            {
                if ((group & 0xFFF) == 0)
                    ctx.Cancel.ThrowIfCancellationRequested();
                var (s, stay) = group < cohort.Length ? cohort[group] : rng.Chance(0.01) ? rng.Pick(cohort) : rng.Pick(others);
                var at = IcuWriter.During(stay, rng);
                SampleTime.Format(at, chart, millis: false);
                SampleTime.Format(at.AddMinutes(rng.Range(0, 45)), store, millis: false);
                var caregiver = ctx.Caregiver(rng);
                var n = Math.Min(rng.Range(1, 6), target - rows);
                for (var k = 0; k < n; k++, rows++)
                {
                    var item = rng.Pick(SampleDictionaries.Chart);
                    w.Int(s.SubjectId);
                    w.Int(stay.HadmId);
                    w.Int(stay.StayId);
                    w.Int(caregiver);
                    w.Raw(chart);
                    w.Raw(store);
                    w.Int(item.ItemId);
                    if (item.ParamType == "Text")
                    {
                        w.Text(item.ItemId == 224641 ? "Yes" : rng.Pick(EyeOpening));
                        w.Empty();
                        w.Empty();
                    }
                    else
                    {
                        var scale = (long)Math.Pow(10, item.Decimals);
                        var low = (long)(item.Low * scale);
                        var len = CsvRowWriter.FormatScaled(low + rng.NextLong(((long)(item.High * scale)) - low + 1), item.Decimals, number);
                        w.Raw(number[..len]);
                        w.Raw(number[..len]);
                        w.Text(item.Unit);
                    }
                    w.Int(0);
                    w.EndRow();
                }
            }
        });
    }
}
