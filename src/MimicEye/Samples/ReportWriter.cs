using System.Text;

using MimicEye.Dataset;

namespace MimicEye.Samples;

/// <summary>MIMIC-CXR 2.0.0 free-text reports <c>files/pXX/p&lt;subject&gt;/s&lt;study&gt;.txt</c> for every
/// study of the cohort's subjects: plain ASCII, "FINAL REPORT", the usual sections, PHI as ___, and now and
/// then an addendum above the report, separated by a line of underscores.</summary>
static class ReportWriter
{
    static readonly string[] Indications =
    [
        "___ year old woman with dyspnea  // eval for pneumonia", "___M with chest pain, r/o acute process",
        "History: ___F with fever and cough", "___ year old man s/p line placement  // position?",
    ];

    static readonly string[] Findings =
    [
        "The lungs are clear without focal consolidation. No pleural effusion or pneumothorax is seen.",
        "There is a small left pleural effusion with adjacent atelectasis. The cardiac silhouette is mildly enlarged.",
        "Patchy opacity in the right lower lobe may reflect pneumonia in the appropriate clinical setting.",
        "Mild pulmonary vascular congestion. No large effusion. Right-sided PICC line tip in the mid SVC.",
    ];

    static readonly string[] Impressions =
    [
        "No acute cardiopulmonary process.", "Right lower lobe pneumonia.", "Mild pulmonary edema.",
        "Small left pleural effusion, new since ___.",
    ];

    public static int Write(SampleContext ctx)
    {
        var root = SampleContext.Project(ProjectKind.CxrReports);
        var count = 0;
        foreach (var s in ctx.Plan.Cohort.OrderBy(s => s.SubjectId))
        {
            foreach (var study in s.Studies.OrderBy(st => st.StudyId))
            {
                var rng = ctx.Rng("cxr/report/" + study.Id);
                ctx.Output.WriteText($"{root}/files/{Ids.Bucket(s.Id)}/p{s.Id}/s{study.Id}.txt", Report(study, rng));
                count++;
            }
        }
        ctx.Output.WriteIndexHtml(root);
        return count;
    }

    static string Report(StudyPlan study, Prng rng)
    {
        var lateral = study.Images.Exists(i => i.View == "LATERAL");
        var text = new StringBuilder();
        if (rng.Chance(0.15))
        {
            text.Append(" ADDENDUM:\n").Append(Wrap("Findings were discussed with Dr. ___ by Dr. ___ on the telephone on ___ at 10:15 AM."));
            text.Append(" ______________________________________________________________________________\n");
        }
        text.Append("                                 FINAL REPORT\n");
        text.Append(" EXAMINATION:  ").Append(lateral ? "CHEST (PA AND LAT)" : "CHEST (PORTABLE AP)").Append("\n \n");
        text.Append(" INDICATION:  ").Append(rng.Pick(Indications)).Append("\n \n");
        text.Append(" TECHNIQUE:  ").Append(lateral ? "Chest PA and lateral" : "Portable AP chest radiograph").Append("\n \n");
        text.Append(" COMPARISON:  ").Append(rng.Chance(0.5) ? "None." : "Chest radiograph from ___.").Append("\n \n");
        text.Append(" FINDINGS: \n \n").Append(Wrap(rng.Pick(Findings))).Append(" \n");
        text.Append(" IMPRESSION: \n \n").Append(Wrap(rng.Pick(Impressions)));
        return text.ToString();
    }

    /// <summary>Lines of at most 79 characters, each starting with a space, as in the real reports.</summary>
    static string Wrap(string paragraph)
    {
        var text = new StringBuilder();
        var line = new StringBuilder();
        foreach (var word in paragraph.Split(' '))
        {
            if (line.Length + 1 + word.Length > 79)
            {
                text.Append(line).Append('\n');
                line.Clear();
            }
            line.Append(' ').Append(word);
        }
        return text.Append(line).Append('\n').ToString();
    }
}
