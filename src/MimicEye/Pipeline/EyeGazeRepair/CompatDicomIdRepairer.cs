namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>The published build's repair of eye_gaze.csv (reference §3), made deterministic: ids whose
/// length is not 44 and at most 44 are matched by prefix among the ids present in the same file (the id
/// itself included); the variant with the most rows is kept (ties: first in ordinal order, where Python
/// used set order) and the rows of all other variants, the trimmed one included, are dropped. Where only
/// the id itself matches, the reference crashes (<c>set[0]</c>); compat keeps those rows and says so.</summary>
static class CompatDicomIdRepairer
{
    public static List<DicomIdRepair> Repair(string file, IReadOnlyDictionary<string, long> counts)
    {
        var present = new SortedDictionary<string, long>(counts.ToDictionary(), StringComparer.Ordinal);
        var repairs = new List<DicomIdRepair>();
        foreach (var id in counts.Keys.Where(k => k.Length != Dataset.Ids.DicomIdLength).Order(StringComparer.Ordinal))
        {
            if (id.Length > Dataset.Ids.DicomIdLength || !present.ContainsKey(id))
                continue;
            var variants = present.Keys.Where(k => k.StartsWith(id, StringComparison.Ordinal)).ToList();
            if (variants.Count == 1)
            {
                repairs.Add(new DicomIdRepair(file, id, id, present[id], DicomIdRepair.Kept));
                continue;
            }
            var winner = variants.OrderByDescending(v => present[v]).ThenBy(v => v, StringComparer.Ordinal).First();
            foreach (var loser in variants.Where(v => v != winner))
            {
                repairs.Add(new DicomIdRepair(file, loser, winner, present[loser], DicomIdRepair.Dropped));
                present.Remove(loser);
            }
        }
        return repairs;
    }
}
