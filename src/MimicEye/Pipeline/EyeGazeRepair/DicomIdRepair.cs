namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>One line of spreadsheets/EyeGaze/dicom_id_repairs.csv: what happened to the rows of one id in
/// one EGD file. Actions: renamed, dropped (rows removed), kept (the id stays, e.g. compat's winner or the
/// case where the reference crashes), unresolved (no known dicom_id starts with it), ambiguous (several do).</summary>
sealed record DicomIdRepair(string File, string Original, string Resolved, long Rows, string Action)
{
    public const string Renamed = "renamed", Dropped = "dropped", Kept = "kept", Unresolved = "unresolved", Ambiguous = "ambiguous";

    public static readonly string[] Columns = ["file", "original_id", "resolved_id", "rows", "action"];
}
