using System.Text;

namespace MimicEye.Samples;

/// <summary>DIR/README.md: says the data is synthetic, how it was made, and which subject carries which
/// quirk. Its first line is the marker that lets a later run replace the tree.</summary>
static class SampleReadme
{
    public static string Text(SamplePlan plan)
    {
        var o = plan.Options;
        var text = new StringBuilder();
        text.Append(SampleTree.Marker).Append("\n\n");
        text.Append("Everything here is **synthetic**: made up by `mimiceye samples`, not taken from any PhysioNet project. ")
            .Append("Identifiers have the real forms (subject_id 1xxxxxxx, hadm_id 2xxxxxxx, stay_id 3xxxxxxx, study_id 5xxxxxxx, ")
            .Append("44-character dicom_ids, REFLACX ids P###R######) but belong to nobody. The folders, file names, columns and ")
            .Append("CSV dialects are those of the real downloads (a `wget -r` of physionet.org), so mimiceye can be run on it.\n\n");
        text.Append("Made with:\n\n```\nmimiceye samples --to DIR")
            .Append($" --seed {o.Seed} --patients {o.Patients} --other-patients {o.ResolvedOtherPatients}")
            .Append($" --lab-rows {o.LabRows} --chart-rows {o.ChartRows}\n```\n\n");
        text.Append("The same command gives the same bytes. Running it again into this folder replaces README.md and physionet.org/.\n\n");
        text.Append("## Projects\n\n");
        text.Append("- `mimiciv/2.2/{hosp,icu}/*.csv.gz`, `mimic-iv-ed/2.2/ed/*.csv.gz`: every table, 2.2 columns; gzip, LF, minimal quoting.\n");
        text.Append("- `mimic-cxr-jpg/2.0.0/`: the four tables for every image; JPGs only for the cohort's study folders.\n");
        text.Append("- `mimic-cxr/2.0.0/files/`: reports of every study of the cohort's subjects.\n");
        text.Append("- `reflacx-xray-localization/1.0.0/`: CSVs with CRLF line endings, as REFLACX's generator wrote them.\n");
        text.Append("- `egd-cxr/1.0.0/`: master sheet, gaze tables, boxes, audio/segmentation folders.\n");
        text.Append("- `index.html` files as wget leaves them, and a `SHA256SUMS.txt` per project as PhysioNet ships it.\n\n");
        text.Append($"## Cohort: {plan.Cohort.Count} subjects\n\n");
        text.Append($"{plan.CohortImages.Count()} cohort images (dicom_ids in the EGD-CXR master sheet or a REFLACX metadata file), ")
            .Append($"{plan.Readings.Sum(r => r.Count)} REFLACX readings, {plan.EgdCases.Count} EGD-CXR images. ")
            .Append($"{plan.Others.Count} more subjects are outside the cohort and hold most rows of the clinical tables ")
            .Append("(labevents and chartevents: about 1 % of rows belong to the cohort at scale).\n\n");
        text.Append("| subject_id | what it exercises |\n|---|---|\n");
        foreach (var s in plan.Cohort.Where(s => s.Role is not null))
            text.Append($"| {s.Id} | {s.Role} |\n");
        text.Append($"| others | {plan.Cohort.Count - SampleScenarios.Count} unscripted cohort subjects: random ED stays, admissions, ICU stays; ")
            .Append("studies inside and outside stays; EGD-CXR, REFLACX phase 3, some both |\n\n");
        text.Append("Also: labevents `comments` with commas, doubled quotes and a line break (first cohort subjects); ")
            .Append("a master-sheet `cxr_exam_indication` with a line break; millisecond timestamps in outputevents and ")
            .Append("procedureevents; `ORIGINALAMOUNT,ORIGINALRATE` upper case in procedureevents; a space-padded code in d_hcpcs; ")
            .Append("the old EGD-CXR `stay_id`s, which are never MIMIC-IV-ED stay_ids.\n");
        return text.ToString();
    }
}
