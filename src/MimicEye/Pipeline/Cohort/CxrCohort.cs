namespace MimicEye.Pipeline.Cohort;

/// <summary>The cohort (SPEC §3): CXR-JPG metadata rows whose dicom_id is in the EGD master sheet or in a
/// REFLACX metadata phase, in source order, and their patients.</summary>
sealed class CxrCohort(IReadOnlyList<CxrImage> images, CxrColumns columns, IReadOnlySet<string> eyeGazeIds, IReadOnlySet<string> reflacxIds)
{
    public IReadOnlyList<CxrImage> Images { get; } = images;
    public CxrColumns Columns { get; } = columns;
    public IReadOnlySet<string> EyeGazeIds { get; } = eyeGazeIds;
    public IReadOnlySet<string> ReflacxIds { get; } = reflacxIds;

    /// <summary>Cohort subject ids, ascending by number (the order the reference writes patients in).</summary>
    public IReadOnlyList<string> SubjectIds { get; } =
        [.. images.Select(i => i.SubjectId).Distinct().OrderBy(s => s.Length).ThenBy(s => s, StringComparer.Ordinal)];
}
