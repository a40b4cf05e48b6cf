namespace MimicEye.Diffing;

/// <summary>The one table of row keys for <c>mimiceye diff</c>: which columns identify a row of each output
/// table (in spreadsheets/ and in every patient folder alike), and which columns may be printed. Tables
/// without a key are compared as multisets of rows.</summary>
static class TableKeys
{
    /// <summary>(parent folder or null for any, file name with at most one '*', key columns).</summary>
    static readonly (string? Folder, string File, string[] Key)[] Rules =
    [
        (null, "cxr_meta*.csv", ["dicom_id"]),
        (null, "stay_matching.csv", ["dicom_id"]),
        ("REFLACX", "metadata.csv", ["id"]),
        ("EyeGaze", "master_sheet*.csv", ["dicom_id"]),
        ("EyeGaze", "dicom_id_repairs.csv", ["file", "original_id"]),
        ("CXR-JPG", "cxr_chexpert.csv", ["study_id"]),
        ("CXR-JPG", "cxr_negbio.csv", ["study_id"]),
        ("CXR-JPG", "cxr_split.csv", ["dicom_id"]),
        ("ED", "edstays.csv", ["stay_id"]),
        ("ED", "triage.csv", ["stay_id"]),
        ("Hosp", "admissions.csv", ["hadm_id"]),
        ("ICU", "icustays.csv", ["stay_id"]),
    ];

    /// <summary>Identifiers and mimiceye's own audit codes: the only cell values a diff prints. Every other
    /// column may hold clinical data, so only its name is shown.</summary>
    static readonly HashSet<string> Printable = new(StringComparer.Ordinal)
    {
        "dicom_id", "subject_id", "study_id", "stay_id", "hadm_id", "id", "patient_id",
        "file", "original_id", "resolved_id", "action", "rule", "reason",
    };

    /// <summary>The key columns of the table at <paramref name="relativePath"/> ('/'-separated), or null.</summary>
    public static IReadOnlyList<string>? For(string relativePath)
    {
        var parts = relativePath.Split('/');
        var file = parts[^1];
        var folder = parts.Length > 1 ? parts[^2] : null;
        foreach (var (ruleFolder, pattern, key) in Rules)
        {
            if ((ruleFolder is null || ruleFolder == folder) && Matches(file, pattern))
                return key;
        }
        return null;
    }

    public static bool IsPrintable(string column) => Printable.Contains(column);

    static bool Matches(string name, string pattern)
    {
        var star = pattern.IndexOf('*', StringComparison.Ordinal);
        if (star < 0)
            return name == pattern;
        var (prefix, suffix) = (pattern[..star], pattern[(star + 1)..]);
        return name.Length >= prefix.Length + suffix.Length
            && name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(suffix, StringComparison.Ordinal);
    }
}
