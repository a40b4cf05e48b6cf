namespace MimicEye.Planning;

/// <summary>What a build of these sources needs that is not on disk: paths relative to PhysioNet's
/// <c>files/</c> level (<c>mimic-cxr-jpg/2.0.0/files/p10/.../x.jpg</c>), ready for wget -i with a URL prefix
/// or rsync --files-from; and the counts and disk estimate printed with them.</summary>
sealed record DownloadPlan(
    int CohortImages,
    int CohortPatients,
    int CohortStudies,
    int ImagesNeeded,
    int ImagesPresent,
    int ReportsNeeded,
    int ReportsPresent,
    IReadOnlyList<string> Missing,
    long EstimatedOutputBytes,
    long? FreeBytes,
    IReadOnlyList<string> Notes);
