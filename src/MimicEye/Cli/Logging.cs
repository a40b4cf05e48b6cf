using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;
using Serilog.Formatting.Display;

namespace MimicEye.Cli;

/// <summary>Serilog set-up from --verbosity and --log-file. The console side writes plain lines to the
/// error writer (stdout stays free for data such as <c>plan</c>'s file list); the file gets every event.</summary>
static class Logging
{
    public static Logger Create(LogRoute route, LogEventLevel level, FileInfo? logFile)
    {
        var config = new LoggerConfiguration()
            .MinimumLevel.Verbose()
            .WriteTo.Sink(new TextWriterSink(route), level);
        if (logFile is not null)
            config = config.WriteTo.File(new JsonFormatter(renderMessage: true), logFile.FullName, LogEventLevel.Verbose);
        return config.CreateLogger();
    }

    /// <summary>Writes each event as one plain line, without ANSI codes.</summary>
    sealed class TextWriterSink(LogRoute route) : ILogEventSink
    {
        readonly MessageTemplateTextFormatter _format = new("[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        readonly Lock _lock = new();

        public void Emit(LogEvent logEvent)
        {
            var line = new StringWriter();
            _format.Format(logEvent, line);
            lock (_lock)
                route.Write(line.ToString());
        }
    }
}

/// <summary>Where console log lines go: the error writer, or, while progress bars are live, through the
/// live display (so that lines print above the bars instead of inside them).</summary>
sealed class LogRoute(TextWriter error)
{
    public Action<string>? Override { get; set; }

    public void Write(string line)
    {
        if (Override is { } live)
        {
            live(line);
            return;
        }
        error.Write(line);
        error.Flush();
    }
}
