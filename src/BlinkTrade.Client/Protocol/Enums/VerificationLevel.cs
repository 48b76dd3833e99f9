namespace BlinkTrade.Client.Protocol;

/// <summary>A user's verification level (<c>Verified</c>, an integer on the wire). Unknown values are kept as their number.</summary>
public enum VerificationLevel
{
    /// <summary>Not verified.</summary>
    None = 0,

    /// <summary>Verification pending.</summary>
    Pending = 1,

    /// <summary>Verification in progress.</summary>
    InProgress = 2,

    /// <summary>Level I.</summary>
    Level1 = 3,

    /// <summary>Level II.</summary>
    Level2 = 4,

    /// <summary>Level III.</summary>
    Level3 = 5,

    /// <summary>Level IV (platform-2016+).</summary>
    Level4 = 6,

    /// <summary>Level V (platform-2016+).</summary>
    Level5 = 7,
}
