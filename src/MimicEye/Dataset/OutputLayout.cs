namespace MimicEye.Dataset;

/// <summary>The output tree (SPEC §8): the only place output names appear. Folder and file names are the
/// published ones in both rule sets, so code written for MIMIC-Eye 1.0 reads either.</summary>
sealed class OutputLayout(string root)
{
    public const string SpreadsheetsFolder = "spreadsheets";
    public const string ChecksumsFile = "SHA256SUMS.txt";
    public const string BuildFile = "build.json";
    public const string ReportFile = "REPORT.md";

    /// <summary>Suffix of files being written; renamed to their final name when complete.</summary>
    public const string TempSuffix = ".mimiceye-tmp";

    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The root with one trailing separator: what the paths under it start with.</summary>
    public string RootPrefix { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;

    // ---- spreadsheets/ -------------------------------------------------------------------------------
    public string Spreadsheets => Path.Combine(Root, SpreadsheetsFolder);
    public string CxrMeta => Path.Combine(Spreadsheets, "cxr_meta.csv");
    public string CxrMetaWithStayOnly => Path.Combine(Spreadsheets, "cxr_meta_with_stay_id_only.csv");
    public string StayMatching => Path.Combine(Spreadsheets, "stay_matching.csv");
    public string ReflacxMetadata => Path.Combine(Spreadsheets, "REFLACX", "metadata.csv");
    public string EyeGazeSheet(string file) => Path.Combine(Spreadsheets, "EyeGaze", file);
    public string DicomIdRepairs => EyeGazeSheet("dicom_id_repairs.csv");
    public string MasterSheetWithStayId => EyeGazeSheet("master_sheet_with_updated_stayId.csv");
    public string CxrJpgSheet(string file) => Path.Combine(Spreadsheets, "CXR-JPG", file);
    public string ModuleSheet(ClinicalModule module, string table) => Path.Combine(Spreadsheets, ModuleFolder(module), table + ".csv");

    // ---- patient_<subject_id>/ ---------------------------------------------------------------------------
    public static string PatientFolderName(string subjectId) => "patient_" + subjectId;
    public string Patient(string subjectId) => Path.Combine(Root, PatientFolderName(subjectId));
    public string PatientTable(string subjectId, ClinicalModule module, string table) =>
        Path.Combine(Patient(subjectId), ModuleFolder(module), table + ".csv");
    public string PatientCxrJpg(string subjectId, string file) => Path.Combine(Patient(subjectId), "CXR-JPG", file);
    public string PatientStudyFolder(string subjectId, string studyId) => Path.Combine(Patient(subjectId), "CXR-JPG", "s" + studyId);
    public string PatientReport(string subjectId, string studyId) => Path.Combine(Patient(subjectId), "CXR-DICOM", "s" + studyId + ".txt");
    public string PatientReflacx(string subjectId) => Path.Combine(Patient(subjectId), "REFLACX");
    public string PatientReflacxMetadata(string subjectId) => Path.Combine(PatientReflacx(subjectId), "metadata.csv");
    public string PatientReflacxMain(string subjectId, string readingId) => Path.Combine(PatientReflacx(subjectId), "main_data", readingId);
    public string PatientReflacxGaze(string subjectId, string readingId) => Path.Combine(PatientReflacx(subjectId), "gaze_data", readingId);
    public string PatientEyeGaze(string subjectId, string file) => Path.Combine(Patient(subjectId), "EyeGaze", file);
    public string PatientTranscripts(string subjectId, string dicomId) =>
        Path.Combine(Patient(subjectId), "EyeGaze", "audio_segmentation_transcripts", dicomId);

    public static string ModuleFolder(ClinicalModule module) => module switch
    {
        ClinicalModule.Hosp => "Hosp",
        ClinicalModule.Icu => "ICU",
        ClinicalModule.Ed => "ED",
        _ => throw new ArgumentOutOfRangeException(nameof(module)),
    };

    /// <summary>A path relative to the root with forward slashes, for SHA256SUMS.txt and messages.</summary>
    public string Relative(string path)
    {
        // Most paths are the root joined with clean names (a build asks for about 40,000 of them): cut the root
        // off. Anything else (dot or empty segments, another root, Windows) goes through GetRelativePath.
        if (Path.DirectorySeparatorChar == '/' && path.Length > RootPrefix.Length && path.StartsWith(RootPrefix, StringComparison.Ordinal)
            && IsClean(path.AsSpan(RootPrefix.Length)))
            return path[RootPrefix.Length..];
        return Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>Whether a relative path has only plain segments: none empty, "." or ".." (so the root joined with
    /// it is already a full path, inside the root). Unix separators only.</summary>
    public static bool IsClean(ReadOnlySpan<char> relative)
    {
        foreach (var segment in relative.Split('/'))
        {
            var name = relative[segment];
            if (name.IsEmpty || name is "." or "..")
                return false;
        }
        return true;
    }
}

enum ClinicalModule
{
    Hosp,
    Icu,
    Ed,
}
