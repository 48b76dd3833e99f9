namespace BlinkTrade.Testing.Matching;

/// <summary>Time in force. The numeric values equal the wire codes of <c>TimeInForce</c>.</summary>
internal enum TimeInForce : byte
{
    /// <summary>Day (<c>"0"</c>): treated as good-till-cancel (the reference exchange has no sessions).</summary>
    Day = 0,

    /// <summary>Good till cancel (<c>"1"</c>), the default: the remainder rests on the book.</summary>
    GoodTillCancel = 1,

    /// <summary>Immediate or cancel (<c>"3"</c>): whatever does not trade at once is cancelled.</summary>
    ImmediateOrCancel = 3,

    /// <summary>Fill or kill (<c>"4"</c>): all or nothing, checked against the book and the funds before any trade.</summary>
    FillOrKill = 4,
}
