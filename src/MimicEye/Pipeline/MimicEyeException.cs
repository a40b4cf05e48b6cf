namespace MimicEye.Pipeline;

/// <summary>An expected failure the user can fix (bad source tree, refused output folder...).
/// The CLI prints its message on one line and exits 1; bugs keep their stack trace.</summary>
sealed class MimicEyeException(string message) : Exception(message);
