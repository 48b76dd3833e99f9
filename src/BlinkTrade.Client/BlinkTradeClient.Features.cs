using BlinkTrade.Client.Protocol;
using BlinkTrade.Client.Session;

namespace BlinkTrade.Client;

// The seams between the connection core and the features (session, market data, trading, account).
public partial class BlinkTradeClient
{
    private void InitializeFeatures()
    {
        InitializeTrading();
        InitializeAccount();
    }

    private void CompleteFeatures()
    {
        CompleteMarketData();
        CompleteTrading();
        _balanceSnapshots.OnCompleted();
    }

    // Called on the receive loop for every message of the current connection, before the Messages stream.
    private void OnInbound(SessionConnection session, BlinkTradeMessage message)
    {
        OnTrading(message);
        OnAccount(message);
        OnMarketData(message);
    }

    private void OnConnectionLost()
    {
        OnMarketDataConnectionLost();
    }

    private async Task<RestoreOutcome> RestoreAsync(SessionConnection session, bool isReconnect, CancellationToken cancellationToken)
    {
        await RestoreMarketDataAsync(session, cancellationToken).ConfigureAwait(false);
        int subscriptions;
        lock (_marketDataGate)
        {
            subscriptions = _booksBySymbol.Count + _tickersBySymbol.Count;
        }
        Trading.ReconcileOutcome? orders = null;
        Exception? error = null;
        // Reconciliation needs a login (U4 is private), and only matters after a gap for orders this client knows.
        if (isReconnect && CurrentUser is not null && (_orders.All.Count > 0 || !_unacknowledgedOrders.IsEmpty))
        {
            try
            {
                orders = await ReconcileOrdersAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Requests.BlinkTradeErrorException or Requests.BlinkTradeTimeoutException)
            {
                // A server that cannot list orders must not block the reconnect; the live reports still flow.
                Diagnostics.ClientLog.ReconcileFailed(_logger, e);
                ReportError(Diagnostics.ClientErrorKind.ReconnectFailed, "Order reconciliation failed: " + e.Message, e);
                error = e;
            }
        }
        // Balance deltas sent while the connection was down are lost: a known balance state is read again (U2).
        if (isReconnect && CurrentUser is not null && HasBalances)
        {
            try
            {
                await RefreshBalancesAsync(session, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is Requests.BlinkTradeErrorException or Requests.BlinkTradeTimeoutException)
            {
                ReportError(Diagnostics.ClientErrorKind.ReconnectFailed, "Balance refresh failed: " + e.Message, e);
                error ??= e;
            }
        }
        return new RestoreOutcome(subscriptions, orders, error);
    }
}
