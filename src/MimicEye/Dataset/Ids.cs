using System.Text.RegularExpressions;

namespace MimicEye.Dataset;

/// <summary>The forms of the identifiers that name folders and files. Every id that becomes part of an
/// output path is checked here first, so hostile input can never climb out of --out.</summary>
static partial class Ids
{
    /// <summary>The length of a full MIMIC-CXR dicom_id: five 8-hex groups joined by dashes.</summary>
    public const int DicomIdLength = 44;

    [GeneratedRegex(@"^[0-9]{1,12}$")]
    private static partial Regex NumericId();

    [GeneratedRegex(@"^[0-9a-fA-F]+(-[0-9a-fA-F]+)*$")]
    private static partial Regex HexDash();

    [GeneratedRegex(@"^P\d{3}R\d{6}$")]
    private static partial Regex Reflacx();

    public static bool IsSubjectId(string s) => NumericId().IsMatch(s);

    public static bool IsStudyId(string s) => NumericId().IsMatch(s);

    /// <summary>Hex groups and dashes: the full 44-character form and the trimmed forms of EGD-CXR.</summary>
    public static bool IsDicomId(string s) => s.Length <= 64 && HexDash().IsMatch(s);

    public static bool IsFullDicomId(string s) => s.Length == DicomIdLength && HexDash().IsMatch(s);

    public static bool IsReflacxId(string s) => Reflacx().IsMatch(s);

    /// <summary>The CXR bucket folder of a subject: <c>p10</c> for subject 10000032.</summary>
    public static string Bucket(string subjectId) => "p" + subjectId[..2];
}
