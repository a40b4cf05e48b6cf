namespace MimicEye.Pipeline;

/// <summary>The one catalogue of problem codes. Each code has a fixed severity and a one-line meaning;
/// the README's "Issues" table is generated from the same words.</summary>
enum IssueCode
{
    // Source layout and files
    MissingProject,
    MissingSourceFile,
    MissingColumn,
    CorruptGzip,
    MalformedCsv,
    InvalidUtf8,
    ChecksumMismatch,
    UnsafeSourceLink,
    DuplicateDicomId,
    ImageNotInMetadata,

    // Phase 1
    StudyWithoutStay,
    StudyInSeveralStays,
    BadStudyTime,
    BadStayTime,
    StayEndsBeforeStart,

    // Phase 2
    DicomIdRepaired,
    DicomIdDropped,
    DicomIdUnresolved,
    CompatRepairCrash,

    // Phase 3
    UnsafeId,
    MissingImage,
    CorruptImage,
    ImageSizeMismatch,
    MissingReport,
    MissingReadingFolder,
    MissingTranscriptFolder,
}

enum Severity
{
    Info,
    Warning,
    Error,
}

static class IssueCatalog
{
    public static Severity SeverityOf(IssueCode code) => code switch
    {
        IssueCode.MissingProject or IssueCode.MissingSourceFile or IssueCode.MissingColumn
            or IssueCode.CorruptGzip or IssueCode.MalformedCsv or IssueCode.InvalidUtf8
            or IssueCode.ChecksumMismatch or IssueCode.UnsafeSourceLink or IssueCode.DuplicateDicomId
            or IssueCode.UnsafeId or IssueCode.CorruptImage => Severity.Error,
        IssueCode.DicomIdRepaired or IssueCode.StudyWithoutStay => Severity.Info,
        _ => Severity.Warning,
    };

    public static string Meaning(IssueCode code) => code switch
    {
        IssueCode.MissingProject => "a PhysioNet project was not found under --source",
        IssueCode.MissingSourceFile => "a file the build needs is missing",
        IssueCode.MissingColumn => "a table's header lacks a required column",
        IssueCode.CorruptGzip => "a .gz file is truncated or corrupt",
        IssueCode.MalformedCsv => "a CSV record breaks the quoting rules or has the wrong field count",
        IssueCode.InvalidUtf8 => "a record is not valid UTF-8",
        IssueCode.ChecksumMismatch => "a file does not match PhysioNet's SHA256SUMS.txt",
        IssueCode.UnsafeSourceLink => "a source symlink points outside the source folder",
        IssueCode.DuplicateDicomId => "a dicom_id appears twice in the CXR-JPG metadata",
        IssueCode.ImageNotInMetadata => "an EGD/REFLACX dicom_id is not in the CXR-JPG metadata",
        IssueCode.StudyWithoutStay => "a cohort image has no ED stay under the active rules",
        IssueCode.StudyInSeveralStays => "a cohort image falls inside several ED stays",
        IssueCode.BadStudyTime => "StudyDate/StudyTime cannot be parsed",
        IssueCode.BadStayTime => "an edstays intime/outtime cannot be parsed",
        IssueCode.StayEndsBeforeStart => "an edstays row has outtime before intime",
        IssueCode.DicomIdRepaired => "a trimmed EGD DICOM_ID was renamed to the full id",
        IssueCode.DicomIdDropped => "rows of a trimmed EGD DICOM_ID were dropped",
        IssueCode.DicomIdUnresolved => "an EGD DICOM_ID matches no known dicom_id (kept as is)",
        IssueCode.CompatRepairCrash => "compat: the reference crashes on this id; rows kept unchanged",
        IssueCode.UnsafeId => "an id that names a folder is not of its expected form; nothing written for it",
        IssueCode.MissingImage => "a cohort image file is missing",
        IssueCode.CorruptImage => "an image is not a complete JPEG",
        IssueCode.ImageSizeMismatch => "an image's pixel size differs from the metadata Rows/Columns",
        IssueCode.MissingReport => "a cohort study has no report text",
        IssueCode.MissingReadingFolder => "a REFLACX reading has no main_data folder",
        IssueCode.MissingTranscriptFolder => "an EGD image has no audio_segmentation_transcripts folder",
        _ => code.ToString(),
    };
}
