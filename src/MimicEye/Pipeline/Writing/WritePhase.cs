using System.Collections.Concurrent;

using MimicEye.Csv;
using MimicEye.Dataset;
using MimicEye.Pipeline.Output;

namespace MimicEye.Pipeline.Writing;

/// <summary>Phase 3 (SPEC §8): the patient folders and the spreadsheets copied from sources. Every table is
/// one work item read once; items run on <c>--jobs</c> threads, largest first. Each item writes its own
/// files only, so the output is byte-identical whatever the thread count.</summary>
static class WritePhase
{
    public static WritePhaseResult Run(BuildOptions options, SourceLayout sources, OutputLayout output, IssueLog issues,
        CancellationToken cancel, IBuildProgress? progress = null)
    {
        progress ??= NoProgress.Instance;
        var patients = PatientIndex.Load(output, issues);
        var context = new WriteContext(options, sources, output, patients, issues, cancel, progress);
        var items = ClinicalWriter.Items(context)
            .Concat(CxrWriter.Items(context))
            .Concat(ReflacxWriter.Items(context))
            .Concat(EyeGazeWriter.Items(context))
            .OrderByDescending(i => i.Weight).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
        // Units of work with the same name (batches of folders) get a running number, so keys are stable.
        var keys = items.GroupBy(i => i.Name).SelectMany(g => g.Select((item, n) => (item, key: $"{g.Key}#{n}"))).ToDictionary(p => p.item, p => p.key);
        using var journal = new ResumeJournal(output, ResumeJournal.Fingerprint(options, sources, output));
        // Every file committed in this phase is noted in the journal first (work items record into the phase's registry).
        var phase = OutputRegistry.Current;
        phase?.Committing = journal.Committing;
        var failures = new ConcurrentQueue<Exception>();
        var done = 0;
        Parallel.ForEach(InOrder.Of(items), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Jobs) }, (item, state) =>
        {
            // Counted busy so that reads inflate inline while every core runs an item (CoreBudget).
            using var busy = CoreBudget.Shared.Occupy();
            try
            {
                RunOnce(item, keys[item], journal, context);
                progress.WorkFinished(item.Name, Interlocked.Increment(ref done), items.Count);
            }
            catch (Exception e)
            {
                failures.Enqueue(e);
                state.Stop();
            }
        });
        phase?.Committing = null;
        if (!failures.IsEmpty)
        {
            // Prefer the user-facing failure (bad input, interruption) over secondary ones.
            var first = failures.FirstOrDefault(e => e is OperationCanceledException) ?? failures.First();
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(first).Throw();
        }
        return new WritePhaseResult(patients.Subjects.Count, context.ModulePatientCounts(), context.TableCounts(), journal.Resumed);
    }

    /// <summary>Runs an item, or adopts the files of an interrupted run that finished it.</summary>
    static void RunOnce(WorkItem item, string key, ResumeJournal journal, WriteContext context)
    {
        if (journal.Finished(key) is { } done)
        {
            OutputRegistry.Current?.Adopt(done.Files);
            context.Replay(done.Effects);
            return;
        }
        var registry = OutputRegistry.Begin();
        ItemEffects effects;
        try
        {
            effects = context.Capture(item.Run);
        }
        finally
        {
            OutputRegistry.End();
        }
        journal.Record(key, registry, effects);
    }
}

sealed record WritePhaseResult(int Patients, SortedDictionary<string, int> PatientsByModule,
    SortedDictionary<string, (long Read, long Routed, int Patients)> Tables, int ResumedItems);
