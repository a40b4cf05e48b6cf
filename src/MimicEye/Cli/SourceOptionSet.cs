using System.CommandLine;

using MimicEye.Dataset;

namespace MimicEye.Cli;

/// <summary>The options that say where the PhysioNet downloads are (SPEC §2), shared by every command
/// that reads sources.</summary>
sealed class SourceOptionSet
{
    public readonly Option<DirectoryInfo?> Source = new("--source", "-s")
    {
        Description = "Folder holding the PhysioNet projects (wget -r or unzipped); a physionet.org/files/ level inside is found too",
        HelpName = "dir",
    };

    public readonly Dictionary<ProjectKind, Option<DirectoryInfo?>> Overrides = ProjectKinds.All.ToDictionary(
        k => k,
        k => new Option<DirectoryInfo?>("--" + ProjectKinds.OptionName(k))
        {
            Description = $"{ProjectKinds.Title(k)} folder (a version folder, or the project folder holding versions) instead of looking under --source",
            HelpName = "dir",
        });

    public readonly Option<string[]> UseVersion = new("--use-version")
    {
        Description = "Pin a project's version instead of the newest, e.g. --use-version mimic-iv=2.2 (repeatable)",
        HelpName = "project=version",
        AllowMultipleArgumentsPerToken = false,
        Arity = ArgumentArity.ZeroOrMore,
    };

    public SourceOptionSet()
    {
        UseVersion.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (ParsePin(token.Value) is null)
                    r.AddError($"--use-version: '{token.Value}' is not PROJECT=VERSION with PROJECT one of "
                        + string.Join(", ", ProjectKinds.All.Select(ProjectKinds.OptionName)));
            }
        });
    }

    public void AddTo(Command command, bool sourceRequired)
    {
        Source.Required = sourceRequired;
        command.Options.Add(Source);
        foreach (var option in Overrides.Values)
            command.Options.Add(option);
        command.Options.Add(UseVersion);
    }

    public SourceOptions Read(ParseResult parse)
    {
        var overrides = new Dictionary<ProjectKind, string>();
        foreach (var (kind, option) in Overrides)
        {
            if (parse.GetValue(option) is { } dir)
                overrides[kind] = dir.FullName;
        }
        var pins = new Dictionary<ProjectKind, string>();
        foreach (var value in parse.GetValue(UseVersion) ?? [])
        {
            if (ParsePin(value) is { } pin)
                pins[pin.Kind] = pin.Version;
        }
        return new SourceOptions(parse.GetValue(Source)?.FullName, overrides, pins);
    }

    static (ProjectKind Kind, string Version)? ParsePin(string text)
    {
        var eq = text.IndexOf('=');
        if (eq <= 0 || eq == text.Length - 1)
            return null;
        var name = text[..eq];
        foreach (var kind in ProjectKinds.All)
        {
            if (string.Equals(ProjectKinds.OptionName(kind), name, StringComparison.OrdinalIgnoreCase))
                return (kind, text[(eq + 1)..]);
        }
        return null;
    }
}
