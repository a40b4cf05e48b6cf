using MimicEye.Dataset;

namespace MimicEye.Pipeline.Writing;

/// <summary>MIMIC-IV hosp/icu and MIMIC-IV-ED tables: each streamed once, its cohort rows fanned out to
/// <c>patient_&lt;id&gt;/&lt;Module&gt;/&lt;table&gt;.csv</c>, and the whole table copied to spreadsheets/ where
/// the layout says so.</summary>
static class ClinicalWriter
{
    public static IEnumerable<WorkItem> Items(WriteContext context)
    {
        foreach (var table in ClinicalTables.For(context.Options.Compat))
        {
            var path = context.Sources.Require(table.Source.Project).FindTable(table.Source);
            if (path is null)
            {
                if (!table.Source.Optional)
                    throw new MimicEyeException($"missing file: {context.Sources.Require(table.Source.Project).Root}/{table.Source.RelativePath}.csv.gz (or .csv)");
                continue;
            }
            var module = OutputLayout.ModuleFolder(table.Module);
            yield return new WorkItem($"{module}/{table.Name}", new FileInfo(path).Length, () =>
            {
                var job = new FanOutJob(path,
                    reader => table.PerPatient ? RowRouters.ByNumber(reader.Column("subject_id"), context.Patients.SlotBySubject) : _ => -1,
                    slot => context.Output.PatientTable(context.Patients.Subjects[slot], table.Module, table.Name))
                {
                    FullCopyPath = table.Spreadsheet ? context.Output.ModuleSheet(table.Module, table.Name) : null,
                    IndexColumn = context.Options.Compat,
                };
                context.Record(module, table.Name, TableFanOut.Run(job, context.Cancel, context.TableProgress(job.SourcePath)));
            });
        }
    }
}
