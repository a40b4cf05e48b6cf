using System.CommandLine;

namespace MimicEye.Cli;

/// <summary>Wrong usage: the parser's messages, then the right form of the command and where its help is.
/// Exit 2, so scripts can tell a typo from a failed build.</summary>
static class UsageErrors
{
    public static int Print(ParseResult parse, TextWriter error)
    {
        foreach (var e in parse.Errors)
            error.WriteLine("error: " + e.Message);
        var path = new List<string>();
        for (var c = parse.CommandResult; c is not null; c = c.Parent as System.CommandLine.Parsing.CommandResult)
            path.Insert(0, c.Command.Name);
        path[0] = "mimiceye";
        var command = parse.CommandResult.Command;
        var required = command.Arguments.Select(a => $"<{a.Name}>")
            .Concat(command.Options.Where(o => o.Required).Select(o => $"{o.Name} <{o.HelpName ?? o.Name.TrimStart('-')}>"));
        var usage = string.Join(' ', path.Concat(command.Subcommands.Count > 0 && path.Count == 1 ? ["<command>"] : required));
        error.WriteLine($"usage: {usage} [options]");
        error.WriteLine($"see: {string.Join(' ', path)} --help");
        return MimicEyeCli.UsageError;
    }
}
