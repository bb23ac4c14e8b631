namespace NormsGraph.Core.Reading;

/// <summary>The input cannot be read as a report; <see cref="Exception.Message"/> says why in plain words.</summary>
public sealed class ReportRejectedException(string code, string message) : Exception(message)
{
    /// <summary>A stable machine-readable reason, such as <c>EMPTY_REPORT</c> or <c>BINARY_CONTENT</c>.</summary>
    public string Code { get; } = code;
}
