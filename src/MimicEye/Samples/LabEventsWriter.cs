namespace MimicEye.Samples;

/// <summary>hosp/labevents, generated row by row in constant memory. Rows come in specimens (1–8 tests
/// sharing charttime and storetime). Every cohort subject gets one specimen first; after that a specimen
/// belongs to the cohort with probability 1 %, so at scale the cohort holds about 1 % of the rows, as in
/// MIMIC-IV. A few comments carry commas, doubled quotes or a line break, so copying must be verbatim.</summary>
static class LabEventsWriter
{
    /// <summary>Comments with every CSV trap; the first three go to the first cohort subjects.</summary>
    public static readonly string[] TrickyComments =
    [
        "HEMOLYSIS FALSELY ELEVATES K, VERIFIED BY REPEAT ANALYSIS, ___.",
        "SPECIMEN LABELED \"STAT\" BY ___; \"RUSH\" NOT REQUESTED.",
        "NOTIFIED ___ AT 10:15.\nREPEATED FOR CONFIRMATION.",
    ];

    static readonly string[] Comments = ["___", "Reference range changed on ___.", "VERIFIED BY REPLICATE ANALYSIS.", .. TrickyComments];
    static readonly string[] TextValues = ["NEG", "NORMAL", "TR", "___", "ART."];
    static readonly byte[] Abnormal = "abnormal"u8.ToArray(), Routine = "ROUTINE"u8.ToArray(), Stat = "STAT"u8.ToArray();

    /// <summary>An item's values in units of its last decimal, the reference range the inner 70 % of them,
    /// preformatted: the per-row work is integer arithmetic.</summary>
    sealed record Range(long Low, long High, long NormalLow, long NormalHigh, byte[] RefLow, byte[] RefHigh, byte[] Uom)
    {
        public static Range Of(LabItem item)
        {
            var scale = Math.Pow(10, item.Decimals);
            long low = (long)Math.Round(item.Low * scale), high = (long)Math.Round(item.High * scale);
            long normalLow = low + ((high - low) * 15 / 100), normalHigh = high - ((high - low) * 15 / 100);
            return new(low, high, normalLow, normalHigh, Format(normalLow, item.Decimals), Format(normalHigh, item.Decimals),
                System.Text.Encoding.UTF8.GetBytes(item.Uom ?? ""));
        }

        static byte[] Format(long units, int decimals)
        {
            Span<byte> buffer = stackalloc byte[24];
            return buffer[..CsvRowWriter.FormatScaled(units, decimals, buffer)].ToArray();
        }
    }

    public static long Write(SampleContext ctx)
    {
        var target = ctx.Plan.Options.LabRows;
        return ctx.Output.WriteGzipCsv(HospWriter.Path("labevents"), SampleColumns.Split(SampleColumns.Hosp["labevents"]), w =>
        {
            var rng = ctx.Rng("hosp/labevents");
            var ranges = SampleDictionaries.Lab.Select(Range.Of).ToArray();
            var cohort = ctx.Plan.Cohort;
            var others = ctx.Plan.Others;
            Span<byte> chart = stackalloc byte[19], store = stackalloc byte[19], number = stackalloc byte[32];
            long id = 0;
            for (long group = 0; id < target; group++)
            {
                if ((group & 0xFFF) == 0)
                    ctx.Cancel.ThrowIfCancellationRequested();
                var s = group < cohort.Count ? cohort[(int)group] : rng.Chance(0.01) ? rng.Pick(cohort) : rng.Pick(others);
                long? hadm = null;
                DateTime at;
                if (s.Admissions.Count > 0 && rng.Chance(0.85))
                {
                    var a = rng.Pick(s.Admissions);
                    hadm = a.HadmId;
                    at = a.Admit.AddMinutes(rng.NextLong((long)(a.Discharge - a.Admit).TotalMinutes));
                }
                else
                    at = s.Day0.AddDays(rng.Range(-300, 600)).AddMinutes(rng.Range(0, 1439)); // outpatient: no hadm_id
                SampleTime.Format(at, chart, millis: false);
                SampleTime.Format(at.AddMinutes(rng.Range(15, 240)), store, millis: false);
                var specimen = 10_000_000 + (group * 73_687_871 % 90_000_000); // a bijection: coprime multiplier
                var provider = rng.Chance(0.3) ? ctx.Provider(rng) : null;
                var stat = rng.Chance(0.2);
                var n = Math.Min(rng.Range(1, 8), target - id);
                for (var k = 0; k < n; k++)
                {
                    var index = rng.Next(SampleDictionaries.Lab.Length);
                    var item = SampleDictionaries.Lab[index];
                    w.Int(++id);
                    w.Int(s.SubjectId);
                    w.Int(hadm);
                    w.Int(specimen);
                    w.Int(item.ItemId);
                    w.Text(provider);
                    w.Raw(chart);
                    w.Raw(store);
                    if (item.Uom is null)
                    {
                        w.Text(rng.Pick(TextValues));
                        w.Empty();
                        w.Empty();
                        w.Empty();
                        w.Empty();
                        w.Empty();
                    }
                    else
                    {
                        var r = ranges[index];
                        var value = r.Low + rng.NextLong(r.High - r.Low + 1);
                        var len = CsvRowWriter.FormatScaled(value, item.Decimals, number);
                        w.Raw(number[..len]);
                        w.Raw(number[..len]);
                        w.Raw(r.Uom);
                        w.Raw(r.RefLow);
                        w.Raw(r.RefHigh);
                        if (value < r.NormalLow || value > r.NormalHigh)
                            w.Raw(Abnormal);
                        else
                            w.Empty();
                    }
                    if (stat)
                        w.Raw(Stat);
                    else
                        w.Raw(Routine);
                    w.Text(group < 3 && k == 0 && s.InCohort ? TrickyComments[group] : rng.Chance(0.03) ? rng.Pick(Comments) : null);
                    w.EndRow();
                }
            }
        });
    }
}
