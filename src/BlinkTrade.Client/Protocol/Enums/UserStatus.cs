namespace BlinkTrade.Client.Protocol;

/// <summary>The <c>UserStatus</c> of a BF UserResponse (an integer on the wire). Unknown values are kept as their number.</summary>
public enum UserStatus
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>Logged in.</summary>
    LoggedIn = 1,

    /// <summary>Not logged in, or logged out.</summary>
    LoggedOut = 2,

    /// <summary>Not recognised, or the request failed (also the status of a successful password change, §5 G7).</summary>
    Failed = 3,
}
