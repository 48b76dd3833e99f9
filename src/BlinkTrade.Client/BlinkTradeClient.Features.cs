using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client;

// The seams between the connection core and the features (session, market data, trading, account).
public partial class BlinkTradeClient
{
    private void InitializeFeatures()
    {
    }

    private void CompleteFeatures()
    {
        CompleteMarketData();
    }

    // Called on the receive loop for every message of the current connection, before the Messages stream.
    private void OnInbound(SessionConnection session, BlinkTradeMessage message)
    {
        OnMarketData(message);
    }

    private void OnConnectionLost()
    {
        OnMarketDataConnectionLost();
    }

    private async Task RestoreAsync(SessionConnection session, bool isReconnect, CancellationToken cancellationToken)
    {
        await RestoreMarketDataAsync(session, cancellationToken).ConfigureAwait(false);
    }
}
