namespace BlinkTrade.NetworkSoak.Trading;

/// <summary>The market both traders share. alice makes 590–600 (bids) and 601–610 (asks) and takes up to 625 / down to
/// 575; bob rests 578–587 and 613–622 (out of alice's maker range, inside her takes) and takes 588–612, across all
/// of alice's resting orders.</summary>
internal static class TradingPrices
{
    /// <summary>Satoshis per whole unit: prices are written in USD, sent in satoshis.</summary>
    public const long Coin = 1_0000_0000;

    public const string Symbol = "BTCUSD";
}
