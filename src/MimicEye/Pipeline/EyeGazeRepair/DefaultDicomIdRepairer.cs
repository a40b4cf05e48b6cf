namespace MimicEye.Pipeline.EyeGazeRepair;

/// <summary>The corrected repair (SPEC §7). The CXR-JPG dicom_ids are the authority: an id that is not a
/// known dicom_id and is the prefix of exactly one known id is renamed to it (or its rows dropped with
/// <c>--eyegaze-trimmed drop</c>); when several known ids share the prefix, those in the EGD master sheet
/// decide. Anything still unresolved is kept as it is and reported: rows are never dropped silently.</summary>
sealed class DefaultDicomIdRepairer(KnownDicomIds known, IReadOnlySet<string> masterIds, TrimmedIdAction action)
{
    public List<DicomIdRepair> Repair(string file, IReadOnlyDictionary<string, long> counts)
    {
        var repairs = new List<DicomIdRepair>();
        foreach (var (id, rows) in counts)
        {
            if (known.Contains(id))
                continue;
            var candidates = known.StartingWith(id);
            if (candidates.Count > 1)
            {
                var inMaster = candidates.Where(masterIds.Contains).ToList();
                if (inMaster.Count > 0)
                    candidates = inMaster;
            }
            repairs.Add(candidates.Count switch
            {
                0 => new DicomIdRepair(file, id, "", rows, DicomIdRepair.Unresolved),
                1 => new DicomIdRepair(file, id, candidates[0], rows, action == TrimmedIdAction.Drop ? DicomIdRepair.Dropped : DicomIdRepair.Renamed),
                _ => new DicomIdRepair(file, id, "", rows, DicomIdRepair.Ambiguous),
            });
        }
        return repairs;
    }
}
