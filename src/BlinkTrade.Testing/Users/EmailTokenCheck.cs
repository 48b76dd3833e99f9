namespace BlinkTrade.Testing.Users;

/// <summary>What <see cref="EmailSecondFactor.Use"/> found for a token sent with a login.</summary>
internal enum EmailTokenCheck
{
    /// <summary>The pending token, in time: the login passes (and the token is used up).</summary>
    Valid,

    /// <summary>Not the pending token, nor the last one used: a wrong guess.</summary>
    Invalid,

    /// <summary>The pending token, too late: it is void now.</summary>
    Expired,

    /// <summary>The token a previous login already used (a replay).</summary>
    AlreadyUsed,
}
