using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Diffing;

/// <summary>One image of spreadsheets/cxr_meta.csv whose stay_id differs, with the decision of each tree
/// from its spreadsheets/stay_matching.csv (<c>rule</c>, or <c>rule/reason</c> when no stay was matched).</summary>
sealed record StayChange(string DicomId, string StayA, string StayB, string ReasonA, string ReasonB);

/// <summary>The stay_id assignments that differ between two trees: every changed image (capped for
/// printing) and the count per pair of decisions, e.g. <c>none/ambiguous -> inside</c>.</summary>
sealed class StayDiff
{
    /// <summary>The decision of an image missing from stay_matching.csv, or of a tree without that file.</summary>
    public const string Unknown = "unknown";

    public const string Path = OutputLayout.SpreadsheetsFolder + "/cxr_meta.csv";

    readonly List<StayChange> _changes = [];
    readonly SortedDictionary<(string A, string B), long> _pairs = [];

    public IReadOnlyList<StayChange> Changes => _changes;

    public IReadOnlyDictionary<(string A, string B), long> Pairs => _pairs;

    public long Total { get; private set; }

    public bool AuditInA { get; private init; }

    public bool AuditInB { get; private init; }

    /// <summary>Null when either cxr_meta.csv lacks a dicom_id or stay_id column.</summary>
    public static StayDiff? Compare(OutputLayout a, OutputLayout b, DiffOptions options)
    {
        var staysA = Read(a.CxrMeta, r => r.TryColumn("stay_id") is { } c ? () => r.GetString(c) : null);
        var staysB = Read(b.CxrMeta, r => r.TryColumn("stay_id") is { } c ? () => r.GetString(c) : null);
        if (staysA is null || staysB is null)
            return null;
        var firstA = First(staysA);
        var auditA = File.Exists(a.StayMatching) ? Decisions(a.StayMatching) : null;
        var auditB = File.Exists(b.StayMatching) ? Decisions(b.StayMatching) : null;
        var diff = new StayDiff { AuditInA = auditA is not null, AuditInB = auditB is not null };
        foreach (var (dicomId, stayB) in staysB)
        {
            if (!firstA.TryGetValue(dicomId, out var stayA) || stayA == stayB)
                continue;
            var change = new StayChange(dicomId, stayA, stayB,
                auditA?.GetValueOrDefault(dicomId) ?? Unknown, auditB?.GetValueOrDefault(dicomId) ?? Unknown);
            diff.Total++;
            var pair = (change.ReasonA, change.ReasonB);
            diff._pairs[pair] = diff._pairs.GetValueOrDefault(pair) + 1;
            if (options.Keeps(diff._changes.Count))
                diff._changes.Add(change);
        }
        return diff;
    }

    /// <summary>(dicom_id, value) in file order, the value read by the function <paramref name="column"/>
    /// makes for the file's header; null when the file lacks dicom_id or that column.</summary>
    static List<KeyValuePair<string, string>>? Read(string path, Func<CsvTableReader, Func<string>?> column)
    {
        using var reader = CsvFiles.Read(path);
        var value = column(reader);
        if (reader.TryColumn("dicom_id") is not { } id || value is null)
            return null;
        var pairs = new List<KeyValuePair<string, string>>();
        while (reader.Read())
            pairs.Add(new(reader.GetString(id), value()));
        return pairs;
    }

    /// <summary>dicom_id -> decision: <c>rule</c>, or <c>rule/reason</c> when a reason is given.</summary>
    static Dictionary<string, string>? Decisions(string path)
    {
        var pairs = Read(path, r => r.TryColumn("rule") is not { } rule ? null : r.TryColumn("reason") is not { } reason
            ? () => r.GetString(rule)
            : () => r.GetString(reason) is { Length: > 0 } why ? r.GetString(rule) + "/" + why : r.GetString(rule));
        return pairs is null ? null : First(pairs);
    }

    /// <summary>The first value of each dicom_id (a repeated id is a keyed-diff finding, not a stay change).</summary>
    static Dictionary<string, string> First(List<KeyValuePair<string, string>> pairs)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
            map.TryAdd(key, value);
        return map;
    }
}
