using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.ReflacxMerge;

/// <summary>Phase 2a (SPEC §6): the three metadata phases as one table, spreadsheets/REFLACX/metadata.csv.
/// raw: the union of the phases' columns (first-appearance order) with empty cells where a phase lacks a
/// label; merged: the leading columns then the 21 classes. compat keeps each phase's own 0-based row
/// numbers in the index column, as pandas' concat did.</summary>
static class ReflacxPhase
{
    sealed record PhaseTable(IReadOnlyList<string> Headers, List<(long Index, string[] Fields)> Rows);

    public static ReflacxPhaseResult Run(BuildOptions options, SourceLayout sources, OutputLayout output)
    {
        var phases = SourceTables.ReflacxPhases.Select(t => ReadPhase(sources.RequireTable(t))).ToList();
        var mode = options.EffectiveReflacxLabels;
        var leading = new List<string>();
        var labels = new List<string>();
        foreach (var phase in phases)
        {
            foreach (var h in phase.Headers)
            {
                var list = ReflacxLabels.LeadingColumns.Contains(h) ? leading : labels;
                if (!leading.Contains(h) && !labels.Contains(h))
                    list.Add(h);
            }
        }
        var targets = ReflacxLabels.TargetsFor(labels);
        var outColumns = mode == ReflacxLabelMode.Raw ? Union(phases) : [.. leading, .. targets];

        AtomicFile.Write(output.ReflacxMetadata, stream =>
        {
            using var csv = new CsvOut(stream, options.Compat);
            csv.Header(outColumns);
            foreach (var phase in phases)
            {
                var position = phase.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
                foreach (var (index, fields) in phase.Rows)
                {
                    IEnumerable<string> values = mode == ReflacxLabelMode.Raw
                        ? outColumns.Select(c => position.TryGetValue(c, out var i) ? fields[i] : "")
                        : leading.Select(c => position.TryGetValue(c, out var i) ? fields[i] : "").Concat(
                            targets.Select(target => LabelMerge.Merge(target,
                                labels.Where(l => ReflacxLabels.Target(l) == target && position.ContainsKey(l)).Select(l => fields[position[l]]).ToList())));
                    csv.Row(index, values);
                }
            }
        });
        return new ReflacxPhaseResult(phases.Sum(p => p.Rows.Count), mode, outColumns.Count);
    }

    static List<string> Union(List<PhaseTable> phases)
    {
        var columns = new List<string>();
        foreach (var h in phases.SelectMany(p => p.Headers))
        {
            if (!columns.Contains(h))
                columns.Add(h);
        }
        return columns;
    }

    static PhaseTable ReadPhase(string path)
    {
        using var reader = CsvFiles.Read(path);
        foreach (var column in ReflacxLabels.LeadingColumns.Take(6))
            reader.Column(column);
        var rows = new List<(long, string[])>();
        while (reader.Read())
            rows.Add((reader.RowIndex, reader.GetAll()));
        return new PhaseTable(reader.Headers, rows);
    }
}

sealed record ReflacxPhaseResult(int Readings, ReflacxLabelMode Labels, int Columns);
