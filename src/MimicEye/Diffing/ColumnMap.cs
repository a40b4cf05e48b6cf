namespace MimicEye.Diffing;

/// <summary>Matches the columns of two versions of a table by header name. A leading column with an empty
/// header is pandas' index (compat trees write it): it is left out of every comparison and only reported.</summary>
sealed class ColumnMap
{
    ColumnMap(IReadOnlyList<string> headersA, IReadOnlyList<string> headersB)
    {
        IndexInA = HasIndex(headersA);
        IndexInB = HasIndex(headersB);
        var positionsA = Positions(headersA, IndexInA);
        var positionsB = Positions(headersB, IndexInB);
        Common = [.. positionsA.Keys.Where(positionsB.ContainsKey).OrderBy(n => positionsA[n])];
        IndexA = [.. Common.Select(n => positionsA[n])];
        IndexB = [.. Common.Select(n => positionsB[n])];
        OnlyInA = [.. positionsA.Keys.Where(n => !positionsB.ContainsKey(n)).OrderBy(n => positionsA[n])];
        OnlyInB = [.. positionsB.Keys.Where(n => !positionsA.ContainsKey(n)).OrderBy(n => positionsB[n])];
        PositionA = positionsA;
        PositionB = positionsB;
    }

    public bool IndexInA { get; }

    public bool IndexInB { get; }

    public IndexColumn Index => IndexInA == IndexInB ? IndexColumn.Same : IndexInA ? IndexColumn.OnlyInA : IndexColumn.OnlyInB;

    /// <summary>Columns of both, in A's order; <see cref="IndexA"/> and <see cref="IndexB"/> give their positions.</summary>
    public string[] Common { get; }

    public int[] IndexA { get; }

    public int[] IndexB { get; }

    public string[] OnlyInA { get; }

    public string[] OnlyInB { get; }

    public IReadOnlyDictionary<string, int> PositionA { get; }

    public IReadOnlyDictionary<string, int> PositionB { get; }

    public static ColumnMap Of(IReadOnlyList<string> headersA, IReadOnlyList<string> headersB) => new(headersA, headersB);

    /// <summary>Positions of the key columns in A and B, or null when either side lacks one.</summary>
    public (int[] A, int[] B)? KeyPositions(IReadOnlyList<string> key) =>
        key.All(PositionA.ContainsKey) && key.All(PositionB.ContainsKey)
            ? ([.. key.Select(k => PositionA[k])], [.. key.Select(k => PositionB[k])])
            : null;

    static bool HasIndex(IReadOnlyList<string> headers) => headers.Count > 0 && headers[0].Length == 0;

    /// <summary>Name -> position; a repeated name keeps its first position.</summary>
    static Dictionary<string, int> Positions(IReadOnlyList<string> headers, bool index)
    {
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = index ? 1 : 0; i < headers.Count; i++)
            positions.TryAdd(headers[i], i);
        return positions;
    }
}
