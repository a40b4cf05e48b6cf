using System.Globalization;

using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline.Cohort;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.StayMatching;

/// <summary>Phase 1 (SPEC §5): the cohort, its ED stays, and spreadsheets/cxr_meta.csv,
/// cxr_meta_with_stay_id_only.csv and the audit stay_matching.csv.</summary>
static class StayMatchingPhase
{
    public static readonly string[] AddedColumns = ["in_eye_gaze", "in_reflacx", "StudyDateTime", "stay_id"];

    public static readonly string[] AuditColumns =
        ["dicom_id", "subject_id", "study_id", "study_time", "candidates", "stay_id", "rule", "reason", "hours_outside"];

    public static StayPhaseResult Run(BuildOptions options, SourceLayout sources, OutputLayout output, IssueLog issues)
    {
        var cohort = CohortLoader.Load(sources, issues);
        var edPath = sources.RequireTable(SourceTables.EdStays);
        var stays = EdStayReader.Read(edPath, cohort.SubjectIds.ToHashSet(StringComparer.Ordinal), issues);
        IStayRule rule = options.Compat ? new CompatStayRule() : new DefaultStayRule(options.WindowDays);

        var matches = new List<StayMatch>(cohort.Images.Count);
        foreach (var image in cohort.Images)
        {
            var candidates = stays.GetValueOrDefault(image.SubjectId) ?? [];
            var match = rule.Match(image.StudyDate, image.StudyTime, candidates);
            matches.Add(match);
            Report(image, match, issues);
        }
        Write(options, output, cohort, matches);
        return StayPhaseResult.From(cohort, matches);
    }

    static void Report(CxrImage image, StayMatch match, IssueLog issues)
    {
        var where = "mimic-cxr-2.0.0-metadata, row " + image.SourceIndex.ToString(CultureInfo.InvariantCulture);
        if (match.Reason == NoMatchReason.BadTime)
            issues.Add(IssueCode.BadStudyTime, where, image.DicomId, "StudyDate/StudyTime cannot be parsed; no stay is matched");
        else if (match.Reason == NoMatchReason.Ambiguous)
            issues.Add(IssueCode.StudyInSeveralStays, where, image.DicomId, "inside several ED stays; compat assigns none");
        else if (match.Rule == MatchRule.Inside && match.StudyTime is { } t
                 && match.Candidates.Count(s => s.IsValid && s.In <= t && t <= s.Out) > 1)
            issues.Add(IssueCode.StudyInSeveralStays, where, image.DicomId, "inside several ED stays; the latest intime wins");
        if (match.StayId is null)
            issues.Add(IssueCode.StudyWithoutStay, where, image.DicomId, StayMatch.ReasonText(match.Reason));
    }

    static void Write(BuildOptions options, OutputLayout output, CxrCohort cohort, List<StayMatch> matches)
    {
        var headers = cohort.Columns.Headers.Concat(AddedColumns).ToList();
        void WriteMeta(string path, bool withStayOnly) => AtomicFile.Write(path, stream =>
        {
            using var csv = new CsvOut(stream, options.Compat);
            csv.Header(headers);
            for (var i = 0; i < cohort.Images.Count; i++)
            {
                var (image, match) = (cohort.Images[i], matches[i]);
                if (withStayOnly && match.StayId is null)
                    continue;
                csv.Row(image.SourceIndex, image.Fields.Concat([
                    cohort.EyeGazeIds.Contains(image.DicomId) ? "True" : "False",
                    cohort.ReflacxIds.Contains(image.DicomId) ? "True" : "False",
                    match.StudyDateTime,
                    match.StayId ?? "",
                ]));
            }
        });
        WriteMeta(output.CxrMeta, withStayOnly: false);
        WriteMeta(output.CxrMetaWithStayOnly, withStayOnly: true);

        AtomicFile.Write(output.StayMatching, stream =>
        {
            using var csv = new CsvOut(stream, indexColumn: false);
            csv.Header(AuditColumns);
            for (var i = 0; i < cohort.Images.Count; i++)
            {
                var (image, match) = (cohort.Images[i], matches[i]);
                csv.Row(0, [
                    image.DicomId, image.SubjectId, image.StudyId,
                    match.StudyTime is { } t ? StudyTime.Iso(t) : "",
                    string.Join('|', match.Candidates.OrderBy(s => s.In).ThenBy(s => s.StayNumber).Select(s => s.StayId)),
                    match.StayId ?? "",
                    StayMatch.RuleText(match.Rule),
                    StayMatch.ReasonText(match.Reason),
                    match.HoursOutside?.ToString("0.######", CultureInfo.InvariantCulture) ?? "",
                ]);
            }
        });
    }
}

/// <summary>Phase 1's funnel numbers.</summary>
sealed record StayPhaseResult(int Images, int Patients, int Matched, int DistinctStays, int Inside, int Window, IReadOnlyDictionary<string, int> Unmatched)
{
    public static StayPhaseResult From(CxrCohort cohort, List<StayMatch> matches) => new(
        cohort.Images.Count,
        cohort.SubjectIds.Count,
        matches.Count(m => m.StayId is not null),
        matches.Where(m => m.StayId is not null).Select(m => m.StayId).Distinct().Count(),
        matches.Count(m => m.Rule == MatchRule.Inside),
        matches.Count(m => m.Rule == MatchRule.Window),
        matches.Where(m => m.StayId is null).GroupBy(m => StayMatch.ReasonText(m.Reason)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count()));
}
