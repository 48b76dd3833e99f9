using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Trading;

/// <summary>One caller of <see cref="IBlinkTradeClient.WaitForOrderCompletionAsync(string, TimeSpan?, CancellationToken)"/>
/// waiting for its order's terminal report (by ClOrdID, or by OrderID when <see cref="ClOrdID"/> is null).</summary>
internal sealed class OrderCompletionWaiter(string? clOrdId, long orderId)
{
    public string? ClOrdID { get; } = clOrdId;

    public long OrderID { get; } = orderId;

    public TaskCompletionSource<ExecutionReport> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool Matches(ExecutionReport report)
        => ClOrdID is { } clOrdId ? string.Equals(report.ClOrdID, clOrdId, StringComparison.Ordinal) : report.OrderID == OrderID;
}
