using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Copies (or links) the whole folder of each cohort study, then checks every JPEG: it must
/// decode and its size must equal the metadata's Columns x Rows. Problems are reported, never hidden.</summary>
sealed class ImageWriter(WriteContext context, Dictionary<string, (string Rows, string Columns)> sizes)
{
    readonly string _filesRoot = context.Sources.Require(ProjectKind.CxrJpg).FilesFolder;

    public void CopyStudy(string subject, string study)
    {
        context.Cancel.ThrowIfCancellationRequested();
        var source = Path.Combine(_filesRoot, Ids.Bucket(subject), "p" + subject, "s" + study);
        var destination = context.Output.PatientStudyFolder(subject, study);
        if (!Directory.Exists(source))
        {
            context.AddIssue(IssueCode.MissingImage, source, $"study {study}", "the study folder is missing (see 'mimiceye plan' for the files to download)");
            return;
        }
        Action<string, string> copy = context.Options.Images switch
        {
            ImageMode.Hardlink => LinkFiles.HardLink,
            ImageMode.Symlink => LinkFiles.SymLink,
            _ => AtomicFile.Copy,
        };
        FolderCopier.Copy(source, destination, context.LinksOf(ProjectKind.CxrJpg), context, (from, to) =>
        {
            copy(from, to);
            if (from.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase))
                Check(from, study);
        });
        context.RecordPatient("CXR-JPG images", context.Patients.SlotOf(subject));
        foreach (var dicom in context.Patients.DicomIdsOfStudy(study))
        {
            if (!File.Exists(Path.Combine(source, dicom + ".jpg")))
                context.AddIssue(IssueCode.MissingImage, Path.Combine(source, dicom + ".jpg"), dicom, "a cohort image is missing from its study folder");
        }
    }

    void Check(string path, string study)
    {
        var dicom = Path.GetFileNameWithoutExtension(path);
        var (ok, width, height, problem) = JpegCheck.Inspect(path);
        if (!ok)
        {
            context.AddIssue(IssueCode.CorruptImage, path, dicom, problem);
            return;
        }
        if (!sizes.TryGetValue(dicom, out var expected))
            return;
        if (expected.Columns != width.ToString(System.Globalization.CultureInfo.InvariantCulture)
            || expected.Rows != height.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            context.AddIssue(IssueCode.ImageSizeMismatch, path, dicom,
                $"the JPEG is {CxrWriter.FormatSize(width, height)} but the metadata says {expected.Columns}x{expected.Rows} (Columns x Rows) in study {study}");
        }
    }
}
