using System.CommandLine;

using Serilog.Events;

namespace MimicEye.Cli;

/// <summary>Options every command takes (declared once on the root, recursive).</summary>
static class CommonOptions
{
    public static readonly Option<LogEventLevel> Verbosity = new("--verbosity", "-v")
    {
        Description = "How much to log: Verbose, Debug, Information, Warning, Error",
        DefaultValueFactory = _ => LogEventLevel.Information,
        Recursive = true,
        HelpName = "level",
    };

    public static readonly Option<FileInfo?> LogFile = new("--log-file")
    {
        Description = "Also write a full structured log (JSON lines) to this file",
        Recursive = true,
        HelpName = "path",
    };

    public static readonly Option<bool> NoProgress = new("--no-progress")
    {
        Description = "Never draw progress bars (they are drawn only on an interactive terminal when CI is unset)",
        Recursive = true,
    };

    public static void AddTo(RootCommand root)
    {
        root.Options.Add(Verbosity);
        root.Options.Add(LogFile);
        root.Options.Add(NoProgress);
    }
}
