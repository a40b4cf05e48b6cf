using System.Globalization;

using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>MIMIC-IV hosp: the dictionaries and the per-subject tables of identity and movement
/// (patients, admissions, transfers, services, omr). Subjects in subject_id order, each table from its
/// own random stream.</summary>
static class HospWriter
{
    public static void Write(SampleContext ctx)
    {
        Dictionaries(ctx);
        PerSubject(ctx, "patients", Patients);
        PerSubject(ctx, "admissions", Admissions);
        PerSubject(ctx, "transfers", Transfers);
        PerSubject(ctx, "services", Services);
        PerSubject(ctx, "omr", Omr);
        HospCodesWriter.Write(ctx);
        HospOrdersWriter.Write(ctx);
    }

    public static string Path(string table) => SampleContext.Table(ProjectKind.MimicIv, "hosp/" + table);

    /// <summary>One table with a block of rows per subject (subject_id order).</summary>
    public static void PerSubject(SampleContext ctx, string table, Action<SampleContext, SubjectPlan, Prng, CsvRowWriter> rows)
    {
        ctx.Output.WriteGzipCsv(Path(table), SampleColumns.Split(SampleColumns.Hosp[table]), w =>
        {
            foreach (var s in ctx.Plan.ById)
            {
                ctx.Cancel.ThrowIfCancellationRequested();
                rows(ctx, s, ctx.Rng("hosp/" + table, s.Index), w);
            }
        });
    }

    static void Dictionaries(SampleContext ctx)
    {
        ctx.Output.WriteGzipCsv(Path("d_labitems"), SampleColumns.Split(SampleColumns.Hosp["d_labitems"]), w =>
        {
            foreach (var item in SampleDictionaries.Lab.OrderBy(i => i.ItemId))
                w.Row(Num(item.ItemId), item.Label, item.Fluid, item.Category);
        });
        ctx.Output.WriteGzipCsv(Path("d_icd_diagnoses"), SampleColumns.Split(SampleColumns.Hosp["d_icd_diagnoses"]), w =>
        {
            foreach (var c in SampleDictionaries.Diagnoses.OrderBy(c => c.Version).ThenBy(c => c.Id, StringComparer.Ordinal))
                w.Row(c.Id, Num(c.Version), c.Title);
        });
        ctx.Output.WriteGzipCsv(Path("d_icd_procedures"), SampleColumns.Split(SampleColumns.Hosp["d_icd_procedures"]), w =>
        {
            foreach (var c in SampleDictionaries.Procedures.OrderBy(c => c.Version).ThenBy(c => c.Id, StringComparer.Ordinal))
                w.Row(c.Id, Num(c.Version), c.Title);
        });
        ctx.Output.WriteGzipCsv(Path("d_hcpcs"), SampleColumns.Split(SampleColumns.Hosp["d_hcpcs"]), w =>
        {
            foreach (var (code, text, shortText) in SampleDictionaries.Hcpcs)
                w.Row(code, null, text, shortText);
        });
        ctx.Output.WriteGzipCsv(Path("provider"), ["provider_id"], w =>
        {
            foreach (var p in ctx.Providers)
                w.Row(p);
        });
    }

    static void Patients(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        w.Int(s.SubjectId);
        w.Text(s.Gender);
        w.Int(s.AnchorAge);
        w.Int(s.AnchorYear);
        w.Text(s.AnchorYearGroup);
        if (s.DateOfDeath is { } dod)
            w.Date(dod); // date only (sources.md §1.2)
        else
            w.Empty();
        w.EndRow();
    }

    static void Admissions(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        foreach (var a in s.Admissions)
        {
            w.Int(s.SubjectId);
            w.Int(a.HadmId);
            w.Time(a.Admit);
            w.Time(a.Discharge);
            w.Empty();
            w.Text(a.Type);
            w.Text(rng.Chance(0.8) ? ctx.Provider(rng) : null);
            w.Text(a.FromEd is not null ? "EMERGENCY ROOM" : rng.Pick(["PHYSICIAN REFERRAL", "TRANSFER FROM HOSPITAL", "CLINIC REFERRAL"]));
            w.Text(rng.Pick(["HOME", "HOME HEALTH CARE", "SKILLED NURSING FACILITY", "REHAB"]));
            w.Text(s.Insurance);
            w.Text(s.Language);
            w.Text(s.MaritalStatus);
            w.Text(s.Race);
            w.Time(a.FromEd?.In);
            w.Time(a.FromEd?.Out);
            w.Int(0);
            w.EndRow();
        }
    }

    /// <summary>ED visits, then per admission: admit, ICU transfers, back to the ward, discharge (whose
    /// careunit and outtime are empty, as in MIMIC-IV).</summary>
    static void Transfers(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        var events = new List<(long? Hadm, string Type, string? Unit, DateTime In, DateTime? Out)>();
        foreach (var e in s.EdStays)
            events.Add((e.HadmId, "ED", "Emergency Department", e.In, e.Out));
        foreach (var a in s.Admissions)
        {
            var ward = rng.Pick(["Medicine", "Med/Surg", "Cardiology", "Surgery"]);
            var at = a.Admit;
            foreach (var icu in s.IcuStays.Where(i => i.HadmId == a.HadmId).OrderBy(i => i.In))
            {
                events.Add((a.HadmId, at == a.Admit ? "admit" : "transfer", ward, at, icu.In));
                events.Add((a.HadmId, "transfer", icu.CareUnit, icu.In, icu.Out));
                at = icu.Out;
            }
            events.Add((a.HadmId, at == a.Admit ? "admit" : "transfer", ward, at, a.Discharge));
            events.Add((a.HadmId, "discharge", null, a.Discharge, null));
        }
        var slot = SampleIds.TransferSlot;
        foreach (var e in events.OrderBy(e => e.In).Take(SampleIds.ThreeSlots - SampleIds.TransferSlot))
        {
            w.Int(s.SubjectId);
            w.Int(e.Hadm);
            w.Int(ctx.Plan.Ids.Three(s, slot++));
            w.Text(e.Type);
            w.Text(e.Unit);
            w.Time(e.In);
            w.Time(e.Out);
            w.EndRow();
        }
    }

    static void Services(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        foreach (var a in s.Admissions)
        {
            var first = rng.Pick(["MED", "CMED", "SURG", "OMED"]);
            Service(w, s, a.HadmId, a.Admit.AddSeconds(rng.Range(0, 3600)), null, first);
            if (rng.Chance(0.3))
                Service(w, s, a.HadmId, a.Admit.AddHours(rng.Range(6, 30)), first, "MED");
        }
    }

    static void Service(CsvRowWriter w, SubjectPlan s, long hadm, DateTime at, string? previous, string current)
    {
        w.Int(s.SubjectId);
        w.Int(hadm);
        w.Time(at);
        w.Text(previous);
        w.Text(current);
        w.EndRow();
    }

    static void Omr(SampleContext ctx, SubjectPlan s, Prng rng, CsvRowWriter w)
    {
        var visits = rng.Range(1, 3);
        for (var v = 0; v < visits; v++)
        {
            var date = s.Day0.AddDays(rng.Range(-400, 400));
            OmrRow(w, s, date, "Blood Pressure", $"{rng.Range(95, 170)}/{rng.Range(50, 100)}");
            if (rng.Chance(0.6))
                OmrRow(w, s, date, "Weight (Lbs)", (rng.Range(1000, 2600) / 10.0).ToString("0.0#", CultureInfo.InvariantCulture));
            if (rng.Chance(0.4))
                OmrRow(w, s, date, "BMI (kg/m2)", (rng.Range(170, 400) / 10.0).ToString("0.0", CultureInfo.InvariantCulture));
        }
    }

    static void OmrRow(CsvRowWriter w, SubjectPlan s, DateTime date, string name, string value)
    {
        w.Int(s.SubjectId);
        w.Date(date);
        w.Int(1);
        w.Text(name);
        w.Text(value);
        w.EndRow();
    }

    public static string Num(long v) => v.ToString(CultureInfo.InvariantCulture);
}
