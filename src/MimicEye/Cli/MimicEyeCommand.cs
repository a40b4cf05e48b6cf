using System.CommandLine;

using MimicEye.Csv;
using MimicEye.Pipeline;

namespace MimicEye.Cli;

/// <summary>Base of every command: sets up logging, runs <see cref="Execute"/>, and turns expected failures
/// into one-line messages and exit codes (1 failure, 130 interrupted). Bugs keep their stack trace.</summary>
abstract class MimicEyeCommand : Command
{
    protected MimicEyeCommand(string name, string description, string example)
        : base(name, $"{description}\n\nExample:\n  {example}")
    {
        SetAction(RunAsync);
    }

    protected abstract int Execute(ParseResult parse, CliContext context, CancellationToken cancel);

    Task<int> RunAsync(ParseResult parse, CancellationToken cancel)
    {
        var io = parse.InvocationConfiguration;
        var output = io.Output;
        var error = io.Error;
        var level = parse.GetValue(CommonOptions.Verbosity);
        var route = new LogRoute(error);
        using var log = Logging.Create(route, level, parse.GetValue(CommonOptions.LogFile));
        var showProgress = !parse.GetValue(CommonOptions.NoProgress)
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))
            && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        var context = new CliContext(output, error, log, showProgress, route);
        try
        {
            return Task.FromResult(Execute(parse, context, cancel));
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            log.Warning("Interrupted. Files already complete are kept; run the same command again to finish the job.");
            return Task.FromResult(MimicEyeCli.Interrupted);
        }
        catch (MimicEyeException e)
        {
            log.Error("{Message}", e.Message);
            return Task.FromResult(MimicEyeCli.Failure);
        }
        catch (CsvInputException e)
        {
            log.Error("{Message}", e.Message);
            return Task.FromResult(MimicEyeCli.Failure);
        }
        catch (IOException e) when (IsDiskFull(e))
        {
            log.Error("The disk is full: {Message}. Free some space and run the same command again.", e.Message);
            return Task.FromResult(MimicEyeCli.Failure);
        }
    }

    static bool IsDiskFull(IOException e) => (e.HResult & 0xFFFF) is 28 or 112 || e.Message.Contains("No space left", StringComparison.Ordinal);
}
