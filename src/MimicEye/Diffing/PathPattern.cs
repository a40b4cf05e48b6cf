using MimicEye.Dataset;

namespace MimicEye.Diffing;

/// <summary>Collapses the ids in a relative path (patient folders, study folders, dicom_ids, REFLACX reading
/// ids) into '*', so that thousands of files differing the same way print as one line with a count.</summary>
static class PathPattern
{
    public static string Of(string relative) => string.Join('/', relative.Split('/').Select(Segment));

    /// <summary>Paths grouped by pattern, in the order of their first path; a group of one keeps its path.</summary>
    public static IEnumerable<(string Text, int Count)> Group(IEnumerable<string> paths) =>
        paths.GroupBy(Of, StringComparer.Ordinal).Select(g => g.Count() == 1 ? (g.First(), 1) : (g.Key, g.Count()));

    static string Segment(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var (stem, extension) = dot < 0 ? (name, "") : (name[..dot], name[dot..]);
        if (stem.StartsWith("patient_", StringComparison.Ordinal) && Ids.IsSubjectId(stem["patient_".Length..]))
            return "patient_*" + extension;
        if (stem.Length > 1 && stem[0] == 's' && Ids.IsStudyId(stem[1..]))
            return "s*" + extension;
        return Ids.IsFullDicomId(stem) || Ids.IsReflacxId(stem) ? "*" + extension : name;
    }
}
