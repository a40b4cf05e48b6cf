namespace MimicEye.Dataset;

/// <summary>Where each MIMIC-IV / MIMIC-IV-ED table goes in the output (SPEC §8, reference §4.1): tables
/// with a subject_id column fan out to patient folders; dictionaries, <c>patients</c> and ED
/// <c>triage</c> are also written whole to spreadsheets/.</summary>
sealed record ClinicalTable(SourceTable Source, ClinicalModule Module, bool PerPatient, bool Spreadsheet)
{
    public string Name => Source.Name;
}

static class ClinicalTables
{
    /// <summary>The tables of a rule set. <paramref name="compat"/> follows the published build: no
    /// per-patient <c>patients.csv</c>, and only the tables MIMIC-IV 2.0 had (no provider, caregiver).</summary>
    public static IReadOnlyList<ClinicalTable> For(bool compat)
    {
        var tables = new List<ClinicalTable>();
        foreach (var t in SourceTables.Hosp)
        {
            if (compat && t.Optional)
                continue;
            var perPatient = t.RequiredColumns.Contains("subject_id") && !(compat && t.Name == "patients");
            var sheet = !t.RequiredColumns.Contains("subject_id") || t.Name == "patients";
            tables.Add(new ClinicalTable(t, ClinicalModule.Hosp, perPatient, sheet));
        }
        foreach (var t in SourceTables.Icu)
        {
            if (compat && t.Optional)
                continue;
            var perPatient = t.RequiredColumns.Contains("subject_id");
            tables.Add(new ClinicalTable(t, ClinicalModule.Icu, perPatient, !perPatient));
        }
        foreach (var t in SourceTables.Ed)
            tables.Add(new ClinicalTable(t, ClinicalModule.Ed, PerPatient: true, Spreadsheet: t.Name == "triage"));
        return tables;
    }
}
