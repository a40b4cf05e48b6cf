using System.Runtime.CompilerServices;

// bench/MimicEye.Bench times one table's pass (TableFanOut) in-process against a bare GZipStream read.
// (Better placed beside the tests' InternalsVisibleTo in MimicEye.csproj.)
[assembly: InternalsVisibleTo("MimicEye.Bench")]
