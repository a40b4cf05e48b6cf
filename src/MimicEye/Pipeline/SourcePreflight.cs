using MimicEye.Csv;
using MimicEye.Dataset;

namespace MimicEye.Pipeline;

/// <summary>Before anything is written: every table the phases will read exists and its header has the
/// required columns. All problems are gathered and reported together, so one run shows everything to fix.</summary>
static class SourcePreflight
{
    public static IEnumerable<SourceTable> TablesFor(IEnumerable<Phase> phases, bool compat)
    {
        var tables = new List<SourceTable>();
        foreach (var phase in phases)
        {
            tables.AddRange(phase switch
            {
                Phase.Stays => [SourceTables.CxrMetadata, SourceTables.EdStays, SourceTables.EgdMasterSheet, .. SourceTables.ReflacxPhases],
                Phase.Reflacx => SourceTables.ReflacxPhases,
                Phase.EyeGaze => [SourceTables.CxrMetadata, .. SourceTables.EyeGaze],
                Phase.Write => [.. ClinicalTables.For(compat).Select(t => t.Source), .. SourceTables.CxrJpg, .. SourceTables.EyeGaze],
                _ => [],
            });
        }
        return tables.Distinct();
    }

    public static void Check(SourceLayout sources, IEnumerable<Phase> phases, bool compat)
    {
        var problems = new List<string>();
        var list = phases.ToList();
        var projects = TablesFor(list, compat).Select(t => t.Project).ToHashSet();
        if (list.Contains(Phase.Write))
            projects.Add(ProjectKind.CxrReports);
        foreach (var kind in projects.Order())
        {
            if (sources[kind] is null)
            {
                try
                {
                    sources.Require(kind);
                }
                catch (MimicEyeException e)
                {
                    problems.Add(e.Message);
                }
            }
        }
        foreach (var table in TablesFor(list, compat))
        {
            if (sources[table.Project] is not { } project)
                continue;
            var path = project.FindTable(table);
            if (path is null)
            {
                if (!table.Optional)
                    problems.Add($"missing file: {Path.Combine(project.Root, table.RelativePath)}.csv.gz (or .csv)");
                continue;
            }
            try
            {
                using var reader = CsvFiles.ReadHeader(path);
                problems.AddRange(reader.HeaderProblems(table.RequiredColumns).Select(problem => $"{path}, line 1: {problem}"));
            }
            catch (CsvInputException e)
            {
                problems.Add(e.Message);
            }
        }
        if (problems.Count > 0)
            throw new MimicEyeException("the source is not complete; nothing was written:\n  " + string.Join("\n  ", problems));
    }
}
