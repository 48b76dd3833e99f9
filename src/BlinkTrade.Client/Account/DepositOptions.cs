using BlinkTrade.Client.Protocol;

namespace BlinkTrade.Client.Account;

/// <summary>
/// A deposit request (<c>U18</c>, PROTOCOL.md §2.5) for
/// <see cref="IBlinkTradeClient.RequestDepositAsync(DepositOptions, CancellationToken)"/>: <see cref="Currency"/> alone
/// creates a crypto deposit address; <see cref="DepositMethodId"/> with <see cref="Value"/> a fiat deposit;
/// <see cref="DepositId"/> looks one up, or acts on it with <see cref="Action"/>.
/// </summary>
public sealed record DepositOptions
{
    /// <summary>The currency of a new crypto deposit (<c>Currency</c>).</summary>
    public string? Currency { get; init; }

    /// <summary>The broker's deposit method of a new fiat deposit (<c>DepositMethodID</c>).</summary>
    public int? DepositMethodId { get; init; }

    /// <summary>The declared amount of a new deposit, or the amount an <see cref="DepositAction.Complete"/> credits
    /// (<c>Value</c>).</summary>
    public Amount? Value { get; init; }

    /// <summary>An existing deposit to look up or act on (<c>DepositID</c>).</summary>
    public string? DepositId { get; init; }

    /// <summary>The caller's own reference for a new deposit (<c>ClOrdID</c>, at most 30 characters): kept with the
    /// deposit and echoed in every <c>U19</c>, <c>U23</c> and <c>U31</c> row about it.</summary>
    public string? ClOrdId { get; init; }

    /// <summary>What to do with the deposit <see cref="DepositId"/> names (<c>Action</c>): one of
    /// <see cref="DepositAction"/>'s values. The owner may only <see cref="DepositAction.Cancel"/>; the others are
    /// the owner's broker's.</summary>
    public string? Action { get; init; }

    /// <summary>
    /// Messages the exchange runs for the depositor when the deposit completes (<c>Instructions</c>), e.g. a
    /// <see cref="NewOrderSingle"/> that buys with the money deposited. The reference exchange accepts new orders
    /// (<c>D</c>) for the depositor's own account, at most 10, and checks them when the deposit is requested.
    /// </summary>
    public IReadOnlyList<BlinkTradeMessage>? Instructions { get; init; }
}
