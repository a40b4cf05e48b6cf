using Serilog;

namespace MimicEye.Cli;

/// <summary>What a command's action gets: where to print results (stdout), where to log (stderr),
/// and whether progress bars may be drawn.</summary>
sealed record CliContext(TextWriter Out, TextWriter Error, ILogger Log, bool ShowProgress, LogRoute Route);
