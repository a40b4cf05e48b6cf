using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace MimicEye.Pipeline.Output;

/// <summary>REPORT.md: the funnel of the whole tree (cohort, matched images and stays, patients per module,
/// repairs, problems by code), rendered from build.json so a single-phase rerun still reports everything.
/// No timings: the report is part of the byte-identical output.</summary>
static class ReportWriter
{
    public static string Render(BuildManifest manifest)
    {
        var md = new StringBuilder();
        md.Append("# MIMIC-Eye build report\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Built by mimiceye {BuildManifest.Version}.\n\n");
        md.Append("| phase | rules | options |\n|---|---|---|\n");
        foreach (var (name, node) in manifest.Phases.OrderBy(p => Order(p.Key)))
            md.Append(CultureInfo.InvariantCulture, $"| {name} | {node?["rules"]} | {Flat(node?["options"] as JsonObject)} |\n");

        md.Append("\n## Funnel\n\n| step | count |\n|---|---:|\n");
        if (manifest.Phase("stays")?["counts"] is JsonObject stays)
        {
            Row(md, "cohort images (EGD or REFLACX, in CXR-JPG metadata)", stays["images"]);
            Row(md, "cohort patients", stays["patients"]);
            Row(md, "images matched to an ED stay", stays["matched_images"]);
            Row(md, "- inside a stay", stays["inside"]);
            Row(md, "- within the window after a stay", stays["window"]);
            Row(md, "distinct ED stays matched", stays["distinct_stays"]);
            foreach (var (reason, count) in (stays["unmatched"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                Row(md, $"images without a stay: {reason}", count);
        }
        if (manifest.Phase("reflacx")?["counts"] is JsonObject reflacx)
            Row(md, $"REFLACX readings ({reflacx["labels"]} labels)", reflacx["readings"]);
        if (manifest.Phase("eyegaze")?["counts"] is JsonObject gaze)
        {
            Row(md, "EGD master-sheet images", gaze["master_images"]);
            Row(md, "EGD DICOM_IDs renamed", gaze["renamed"]);
            Row(md, "EGD DICOM_IDs whose rows were dropped", gaze["dropped"]);
            Row(md, "EGD DICOM_IDs left unresolved (kept as they are)", gaze["unresolved"]);
        }
        if (manifest.Phase("write")?["counts"] is JsonObject write)
        {
            Row(md, "patient folders", write["patients"]);
            md.Append("\n## Patients per module\n\n| module | patients |\n|---|---:|\n");
            foreach (var (module, count) in (write["patients_by_module"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                Row(md, module, count);
            md.Append("\n## Tables\n\n| table | rows read | rows written to patients | patients |\n|---|---:|---:|---:|\n");
            foreach (var (table, counts) in (write["tables"] as JsonObject ?? []).OrderBy(p => p.Key, StringComparer.Ordinal))
                md.Append(CultureInfo.InvariantCulture, $"| {table} | {counts?["rows_read"]} | {counts?["rows_written"]} | {counts?["patients"]} |\n");
        }

        md.Append("\n## Problems by code\n\n");
        var totals = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var (_, node) in manifest.Phases)
        {
            foreach (var (code, count) in node?["issues"] as JsonObject ?? [])
                totals[code] = totals.GetValueOrDefault(code) + long.Parse(count?.ToJsonString() ?? "0", CultureInfo.InvariantCulture);
        }
        if (totals.Count == 0)
            md.Append("None.\n");
        else
        {
            md.Append("| code | severity | count | meaning |\n|---|---|---:|---|\n");
            foreach (var (code, count) in totals)
            {
                var known = Enum.TryParse<IssueCode>(code, out var c);
                md.Append(CultureInfo.InvariantCulture,
                    $"| {code} | {(known ? IssueCatalog.SeverityOf(c).ToString() : "")} | {count} | {(known ? IssueCatalog.Meaning(c) : "")} |\n");
            }
        }
        md.Append("\nDetails (file, line, id) are in the log of the run; stay decisions per image in spreadsheets/stay_matching.csv; ")
          .Append("DICOM_ID repairs in spreadsheets/EyeGaze/dicom_id_repairs.csv.\n");
        return md.ToString();
    }

    static int Order(string phase) => Array.IndexOf(["stays", "reflacx", "eyegaze", "write"], phase);

    static string Flat(JsonObject? options) =>
        options is null ? "" : string.Join(", ", options.Select(p => $"{p.Key.Replace('_', '-')}={p.Value}"));

    static void Row(StringBuilder md, string step, JsonNode? value) => md.Append(CultureInfo.InvariantCulture, $"| {step} | {value} |\n");
}
