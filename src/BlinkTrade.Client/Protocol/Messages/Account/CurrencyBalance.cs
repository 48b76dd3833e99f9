namespace BlinkTrade.Client.Protocol;

/// <summary>
/// One currency of a <see cref="UserBalanceResponse"/>: the wire keys <c>&lt;CCY&gt;</c> (total) and
/// <c>&lt;CCY&gt;_locked</c> (reserved by open orders and withdrawals) (PROTOCOL.md §2.2, §5 G4).
/// </summary>
/// <remarks>
/// A part is <see langword="null"/> when the frame did not carry it: unsolicited balance updates are deltas that
/// hold only what changed, so merge them with <see cref="Apply"/>. Values are signed: a negative locked amount has
/// been observed in production.
/// </remarks>
/// <param name="Total">The total balance (wire <c>&lt;CCY&gt;</c>), or <see langword="null"/> if not in this frame.</param>
/// <param name="Locked">The reserved part (wire <c>&lt;CCY&gt;_locked</c>), or <see langword="null"/> if not in this frame.</param>
public readonly record struct CurrencyBalance(Amount? Total, Amount? Locked)
{
    /// <summary><c>Total − Locked</c>, when both are known.</summary>
    public Amount? Available => Total is { } total && Locked is { } locked ? total - locked : null;

    /// <summary>Merges a delta into this balance: the parts the delta carries replace the current ones.</summary>
    /// <param name="delta">The newer, possibly partial, balance.</param>
    /// <returns>The merged balance.</returns>
    public CurrencyBalance Apply(CurrencyBalance delta) => new(delta.Total ?? Total, delta.Locked ?? Locked);
}
