using System.Globalization;

using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline;

namespace MimicEye.Preview;

/// <summary>One cohort image of a built tree. <see cref="Columns"/> and <see cref="Rows"/> are the size of the
/// original DICOM from cxr_meta, the frame every REFLACX and EGD coordinate is given in.</summary>
sealed record CohortImage(string DicomId, string SubjectId, string StudyId, int? Columns, int? Rows);

/// <summary>A built MIMIC-Eye tree (the output of <c>mimiceye build</c>, SPEC §8) read for previews.
/// Only the built tree is read, never the sources: the preview shows what a user of the dataset gets.</summary>
sealed class PreviewTree
{
    public PreviewTree(string root)
    {
        Layout = new OutputLayout(root);
        if (!Directory.Exists(Layout.Root))
            throw new MimicEyeException($"{Layout.Root} does not exist; pass the --out folder of mimiceye build");
        if (!File.Exists(Layout.CxrMeta))
            throw new MimicEyeException($"{Layout.Root} is not a mimiceye output folder (it has no {Layout.Relative(Layout.CxrMeta)}); pass the --out folder of mimiceye build");
    }

    public OutputLayout Layout { get; }

    public string JpegPath(CohortImage image) =>
        Path.Combine(Layout.PatientStudyFolder(image.SubjectId, image.StudyId), image.DicomId + ".jpg");

    /// <summary>The image with this dicom_id; an id that is malformed or not in the cohort is an error.</summary>
    public CohortImage Find(string dicomId)
    {
        if (!Ids.IsDicomId(dicomId))
            throw new MimicEyeException($"'{dicomId}' is not a dicom_id (hex groups joined by dashes, e.g. 1e4d4d01-657d797c-f09f7a14-cc14e092-909e66b8)");
        return ReadCohort(dicomId).FirstOrDefault()
            ?? throw new MimicEyeException($"dicom_id {dicomId} is not in {Layout.Relative(Layout.CxrMeta)} of {Layout.Root}");
    }

    /// <summary>Every cohort image, in file order, each dicom_id once.</summary>
    public IReadOnlyList<CohortImage> ReadCohort() => [.. ReadCohort(null).DistinctBy(i => i.DicomId)];

    IEnumerable<CohortImage> ReadCohort(string? only)
    {
        // Columns by name: a compat build has a leading unnamed index column.
        using var csv = CsvFiles.Read(Layout.CxrMeta);
        int dicom = csv.Column("dicom_id"), subject = csv.Column("subject_id"), study = csv.Column("study_id");
        int? columns = csv.TryColumn("Columns"), rows = csv.TryColumn("Rows");
        while (csv.Read())
        {
            var dicomId = csv.GetString(dicom);
            if (only is not null && !string.Equals(dicomId, only, StringComparison.OrdinalIgnoreCase))
                continue;
            var subjectId = csv.GetString(subject);
            var studyId = csv.GetString(study);
            if (!Ids.IsDicomId(dicomId) || !Ids.IsSubjectId(subjectId) || !Ids.IsStudyId(studyId))
                throw new MimicEyeException($"{csv.FilePath}, line {csv.Line}: dicom_id, subject_id or study_id is malformed; the tree is not a mimiceye output or was edited");
            yield return new CohortImage(dicomId, subjectId, studyId, Size(csv, columns), Size(csv, rows));
        }
    }

    static int? Size(CsvTableReader csv, int? column) =>
        column is { } c && double.TryParse(csv.GetString(c), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 1 and <= 100_000
            ? (int)v
            : null;
}
