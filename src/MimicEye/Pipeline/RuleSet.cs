namespace MimicEye.Pipeline;

/// <summary>The two rule sets (SPEC §4): the corrected default, and the published build's decisions.</summary>
enum RuleSet
{
    Default,
    MimicEye10,
}

enum ReflacxLabelMode
{
    Merged,
    Raw,
}

enum TrimmedIdAction
{
    Rename,
    Drop,
}

enum ImageMode
{
    Copy,
    Hardlink,
    Symlink,
    None,
}
