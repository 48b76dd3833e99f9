namespace BlinkTrade.Testing.Accounts;

/// <summary>
/// How a trade's settlement is stored: one 112-byte record for the four ledger rows a trade shows (the buyer's quote debit and
/// base credit, the seller's base debit and quote credit, PROTOCOL.md §3.10), instead of four 64-byte <see cref="LedgerRow"/>s.
/// The ledger is the largest stream of memory the engine writes, and the four rows repeat the amounts, references and timestamp;
/// the record keeps each of them once plus what differs per row (the balance after it). <see cref="AccountBook.GetLedger"/>
/// derives the rows when a client asks for them. Fee rows (<c>TF</c>) stay <see cref="LedgerRow"/>s of their own.
/// </summary>
internal struct SettlementRow
{
    /// <summary>Base delivered (the buyer's credit and the seller's debit).</summary>
    public long Quantity;

    /// <summary>Quote paid (the buyer's debit and the seller's credit), never 0 here: a trade whose notional floors to 0 has no quote rows
    /// and is posted as single rows instead.</summary>
    public long Notional;

    /// <summary>The buyer's total quote balance after its debit.</summary>
    public long BuyerQuoteBalance;

    /// <summary>The buyer's total base balance after its credit.</summary>
    public long BuyerBaseBalance;

    /// <summary>The seller's total base balance after its debit.</summary>
    public long SellerBaseBalance;

    /// <summary>The seller's total quote balance after its credit.</summary>
    public long SellerQuoteBalance;

    /// <summary>The aggressor's order id (every row's <see cref="LedgerEntry.Reference"/>).</summary>
    public long AggressorId;

    /// <summary>The resting order's id (every row's <see cref="LedgerEntry.CounterReference"/>).</summary>
    public long RestingId;

    /// <summary>Caller's clock of the command that produced the trade.</summary>
    public long Timestamp;

    /// <summary>The buyer's ledger chain before this trade (an <see cref="AccountBook"/> link, -1 if none).</summary>
    public long BuyerPrevious;

    /// <summary>The seller's ledger chain before its rows of this trade (the buyer's fee rows or the buyer's own rows of this
    /// trade when the two are one account).</summary>
    public long SellerPrevious;

    /// <summary>Ledger id of the buyer's quote debit; its base credit is the next id.</summary>
    public long BuyerLedgerId;

    /// <summary><see cref="Account.Index"/> of the buyer.</summary>
    public int Buyer;

    /// <summary><see cref="Account.Index"/> of the seller.</summary>
    public int Seller;

    /// <summary>Base currency id.</summary>
    public short BaseCurrency;

    /// <summary>Quote currency id.</summary>
    public short QuoteCurrency;

    /// <summary>Ledger id of the seller's base debit minus <see cref="BuyerLedgerId"/>: 2, or 4 when the buyer's fee rows come
    /// between (its quote credit is the id after).</summary>
    public byte SellerLedgerOffset;
}
