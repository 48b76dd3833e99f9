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
    }

    // Called on the receive loop for every message of the current connection, before the Messages stream.
    private void OnInbound(SessionConnection session, BlinkTradeMessage message)
    {
    }

    private void OnConnectionLost()
    {
    }

    private Task RestoreAsync(SessionConnection session, bool isReconnect, CancellationToken cancellationToken) => Task.CompletedTask;
}
