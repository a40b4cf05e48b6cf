using System.Collections.Concurrent;
using System.Diagnostics;

using MimicEye.Pipeline;

using Spectre.Console;

namespace MimicEye.Cli;

/// <summary>Runs a build with progress: Spectre bars on an interactive terminal (stderr, so stdout stays
/// clean; log lines routed above the bars), else plain log lines at most every few seconds, with no escape
/// codes. Bars are never drawn when CI is set or --no-progress is given (decided in <see cref="CliContext"/>).</summary>
static class ProgressDisplay
{
    public static T Run<T>(CliContext context, Func<IBuildProgress, T> work)
    {
        if (!context.ShowProgress)
            return work(new PlainProgress(context));
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Error),
            Interactive = InteractionSupport.Yes,
            Ansi = AnsiSupport.Detect,
        });
        context.Route.Override = line => console.Write(new Text(line));
        try
        {
            return console.Progress()
                .AutoClear(false)
                .HideCompleted(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
                .Start(ctx => work(new SpectreProgress(ctx)));
        }
        finally
        {
            context.Route.Override = null;
        }
    }

    /// <summary>One bar per table (compressed bytes read of total, speed, ETA) and one for the work items.</summary>
    sealed class SpectreProgress(ProgressContext ctx) : IBuildProgress
    {
        readonly ConcurrentDictionary<string, ProgressTask> _tables = new(StringComparer.Ordinal);
        readonly Lock _lock = new();
        ProgressTask? _items;

        public void PhaseStarted(string phase) { }

        public void TableProgress(string table, long read, long total)
        {
            var task = _tables.GetOrAdd(table, t =>
            {
                lock (_lock)
                    return ctx.AddTask(Markup.Escape(Path.GetFileName(t)), maxValue: Math.Max(1, total));
            });
            task.Value = read;
            if (read >= total)
                task.StopTask();
        }

        public void WorkFinished(string name, int done, int total)
        {
            lock (_lock)
                _items ??= ctx.AddTask("write: tables and folders", maxValue: total);
            _items.Value = done;
        }

        public void PhaseFinished(string phase, TimeSpan elapsed) { }
    }

    /// <summary>Redirected output or CI: a plain line per table at most every 5 s, and at the end of each table.</summary>
    sealed class PlainProgress(CliContext context) : IBuildProgress
    {
        readonly ConcurrentDictionary<string, long> _lastLog = new(StringComparer.Ordinal);

        public void PhaseStarted(string phase) { }

        public void TableProgress(string table, long read, long total)
        {
            var now = Stopwatch.GetTimestamp();
            var last = _lastLog.GetOrAdd(table, now);
            if (read < total && Stopwatch.GetElapsedTime(last, now) < TimeSpan.FromSeconds(5))
                return;
            _lastLog[table] = now;
            if (total > 0 && read > 0 && (read < total || total > 64 << 20))
                context.Log.Information("{Table:l}: {Percent:0}% of {Megabytes:0.0} MB", Path.GetFileName(table), 100.0 * read / total, total / 1e6);
        }

        public void WorkFinished(string name, int done, int total) =>
            context.Log.Debug("write: {Done}/{Total} done ({Name:l})", done, total, name);

        public void PhaseFinished(string phase, TimeSpan elapsed) { }
    }
}
