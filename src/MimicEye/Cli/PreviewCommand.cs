using System.CommandLine;
using System.Globalization;

using MimicEye.Preview;

namespace MimicEye.Cli;

/// <summary><c>mimiceye preview</c> (SPEC §10): draws an image of a built tree with its REFLACX and EGD
/// annotations, so a user sees at once whether coordinates line up.</summary>
sealed class PreviewCommand : MimicEyeCommand
{
    readonly Option<DirectoryInfo> _out = new("--out", "-o")
    {
        Description = "The built MIMIC-Eye folder (the --out of mimiceye build)",
        Required = true,
        HelpName = "dir",
    };

    readonly Option<string?> _dicomId = new("--dicom-id")
    {
        Description = "The image to draw (a dicom_id of spreadsheets/cxr_meta.csv)",
        HelpName = "id",
    };

    readonly Option<bool> _all = new("--all")
    {
        Description = "Draw every cohort image whose JPEG is in the tree, one <dicom_id>.png each into --to (a folder)",
    };

    readonly Option<string?> _to = new("--to")
    {
        Description = "The PNG to write (default <dicom_id>.png in the current folder); with --all, the folder to write into",
        HelpName = "path",
    };

    readonly Option<int> _maxSize = new("--max-size")
    {
        Description = $"Long side of the X-ray in pixels; smaller images are scaled up to {PreviewRenderer.MinLongSide} (or to this size if smaller)",
        DefaultValueFactory = _ => PreviewRenderer.DefaultMaxSize,
        HelpName = "pixels",
        CustomParser = r =>
        {
            var raw = r.Tokens[0].Value;
            if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 64 or > PreviewRenderer.MaxSizeLimit)
                r.AddError($"--max-size must be a whole number of pixels from 64 to {PreviewRenderer.MaxSizeLimit} (got '{raw}')");
            return value;
        },
    };

    public PreviewCommand() : base("preview", "Draw an X-ray with its REFLACX and EGD annotations", "mimiceye preview --out mimic-eye --dicom-id ID --to preview.png")
    {
        Options.Add(_out);
        Options.Add(_dicomId);
        Options.Add(_all);
        Options.Add(_to);
        Options.Add(_maxSize);
        Validators.Add(r =>
        {
            var one = r.GetResult(_dicomId) is not null;
            var all = r.GetValue(_all);
            if (one == all)
                r.AddError("give either --dicom-id ID or --all");
            else if (all && r.GetResult(_to) is null)
                r.AddError("--all needs --to DIR, the folder to write the previews into");
        });
    }

    protected override int Execute(ParseResult parse, CliContext context, CancellationToken cancel)
    {
        var tree = new PreviewTree(parse.GetRequiredValue(_out).FullName);
        var maxSize = parse.GetValue(_maxSize);
        var to = parse.GetValue(_to);
        if (!parse.GetValue(_all))
        {
            var written = PreviewWriter.WriteOne(tree, parse.GetRequiredValue(_dicomId)!, to, maxSize, context.Log);
            context.Out.WriteLine(written);
            return MimicEyeCli.Success;
        }
        var folder = Path.GetFullPath(to!);
        var summary = PreviewWriter.WriteAll(tree, folder, maxSize, context.Log, cancel);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{summary.Written} previews written to {folder}; {summary.WithoutImage} cohort images without a JPEG skipped; {summary.Failed.Count} failed"));
        return summary.Failed.Count == 0 ? MimicEyeCli.Success : MimicEyeCli.Failure;
    }
}
