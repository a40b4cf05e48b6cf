using System.Globalization;

using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Pipeline.Writing;

/// <summary>The cohort as phase 3 sees it, read back from spreadsheets/cxr_meta.csv: patients (one slot
/// each, ascending subject_id), their studies and images. Ids that would be unsafe in a path are refused
/// here, once, with an UnsafeId issue.</summary>
sealed class PatientIndex
{
    public required IReadOnlyList<string> Subjects { get; init; }
    public required IReadOnlyDictionary<long, int> SlotBySubject { get; init; }
    public required IReadOnlyList<(string Subject, string Study)> Studies { get; init; }
    public required IReadOnlySet<string> DicomIds { get; init; }
    public required IReadOnlyDictionary<string, List<string>> DicomIdsByStudy { get; init; }

    public IReadOnlyList<string> DicomIdsOfStudy(string study) => DicomIdsByStudy.TryGetValue(study, out var ids) ? ids : [];

    public static PatientIndex Load(OutputLayout output, IssueLog issues)
    {
        if (!File.Exists(output.CxrMeta))
            throw new MimicEyeException($"{output.CxrMeta} is missing: run 'mimiceye stays' (or 'build') first");
        using var reader = CsvFiles.Read(output.CxrMeta);
        int dicom = reader.Column("dicom_id"), subject = reader.Column("subject_id"), study = reader.Column("study_id");
        var subjects = new SortedSet<long>();
        var studies = new SortedSet<(long, long)>();
        var dicoms = new HashSet<string>(StringComparer.Ordinal);
        var byStudy = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var (s, st, d) = (reader.GetString(subject), reader.GetString(study), reader.GetString(dicom));
            var where = $"{output.Relative(output.CxrMeta)}, line {reader.Line}";
            // Image and report folders are bucketed by the subject's first two digits (p10/p10000032): a shorter id has none.
            if (!Ids.IsSubjectId(s) || !Ids.IsStudyId(st) || !Ids.IsDicomId(d) || long.Parse(s, CultureInfo.InvariantCulture) < 10)
            {
                issues.Add(IssueCode.UnsafeId, where, null, "subject_id, study_id or dicom_id is not of its expected form; the image is skipped");
                continue;
            }
            subjects.Add(long.Parse(s, CultureInfo.InvariantCulture));
            studies.Add((long.Parse(s, CultureInfo.InvariantCulture), long.Parse(st, CultureInfo.InvariantCulture)));
            dicoms.Add(d);
            if (!byStudy.TryGetValue(st, out var ofStudy))
                byStudy[st] = ofStudy = [];
            ofStudy.Add(d);
        }
        var list = subjects.Select(s => s.ToString(CultureInfo.InvariantCulture)).ToList();
        return new PatientIndex
        {
            Subjects = list,
            SlotBySubject = subjects.Select((s, i) => (s, i)).ToDictionary(p => p.s, p => p.i),
            Studies = [.. studies.Select(p => (p.Item1.ToString(CultureInfo.InvariantCulture), p.Item2.ToString(CultureInfo.InvariantCulture)))],
            DicomIds = dicoms,
            DicomIdsByStudy = byStudy,
        };
    }

    public int SlotOf(string subjectId) =>
        long.TryParse(subjectId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && SlotBySubject.TryGetValue(id, out var slot) ? slot : -1;
}
