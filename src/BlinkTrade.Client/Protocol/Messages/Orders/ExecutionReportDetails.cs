namespace BlinkTrade.Client.Protocol;

/// <summary>
/// The members of an <see cref="ExecutionReport"/> that few reports carry (rejects, stop orders, synthesized reports,
/// enumeration values this SDK does not know), held apart so the common report does not pay for them. Immutable: a
/// report's init accessors replace it (<c>with</c>), so reports copied with <c>with</c> never share a changed one.
/// </summary>
internal sealed record ExecutionReportDetails
{
    /// <summary>Nothing set: the start of every copy (never held by a report).</summary>
    public static ExecutionReportDetails Empty { get; } = new();

    /// <summary>See <see cref="ExecutionReport.StopPx"/>.</summary>
    public Price? StopPx { get; init; }

    /// <summary>See <see cref="ExecutionReport.OrdRejReason"/>.</summary>
    public OrdRejReason? OrdRejReason { get; init; }

    /// <summary>See <see cref="ExecutionReport.Text"/>.</summary>
    public string? Text { get; init; }

    /// <summary>See <see cref="ExecutionReport.ExecInst"/>.</summary>
    public ExecInst? ExecInst { get; init; }

    /// <summary>See <see cref="ExecutionReport.IsSynthesized"/>.</summary>
    public bool IsSynthesized { get; init; }

    // The raw values of the report's enumeration members (by slot) that are not known values.
    private string? _unknown0, _unknown1, _unknown2, _unknown3, _unknown4, _unknown5;

    /// <summary>Whether nothing is set (the report then holds no details object).</summary>
    public bool IsEmpty => StopPx is null && OrdRejReason is null && Text is null && ExecInst is null && !IsSynthesized
        && _unknown0 is null && _unknown1 is null && _unknown2 is null && _unknown3 is null && _unknown4 is null && _unknown5 is null;

    /// <summary>The unknown raw value of enumeration member <paramref name="slot"/>, if any.</summary>
    public string? Unknown(int slot) => slot switch
    {
        0 => _unknown0,
        1 => _unknown1,
        2 => _unknown2,
        3 => _unknown3,
        4 => _unknown4,
        _ => _unknown5,
    };

    /// <summary>A copy with member <paramref name="slot"/>'s unknown raw value set (or cleared with <see langword="null"/>).</summary>
    public ExecutionReportDetails WithUnknown(int slot, string? raw)
    {
        var copy = this with { };
        switch (slot)
        {
            case 0: copy._unknown0 = raw; break;
            case 1: copy._unknown1 = raw; break;
            case 2: copy._unknown2 = raw; break;
            case 3: copy._unknown3 = raw; break;
            case 4: copy._unknown4 = raw; break;
            default: copy._unknown5 = raw; break;
        }
        return copy;
    }
}
