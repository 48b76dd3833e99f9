namespace BlinkTrade.Testing.Accounts;

/// <summary>Direction of a ledger row (<c>Operation</c> in <c>U35</c>).</summary>
internal enum LedgerOperation : byte
{
    /// <summary>Credit (<c>"C"</c>): money in.</summary>
    Credit = (byte)'C',

    /// <summary>Debit (<c>"D"</c>): money out.</summary>
    Debit = (byte)'D',
}
