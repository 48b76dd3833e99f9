using System.Text.Json;

namespace BlinkTrade.Client.Account;

/// <summary>The optional parts of a withdrawal request (<c>U6</c>) for
/// <see cref="IBlinkTradeClient.RequestWithdrawalAsync(string, Protocol.Amount, string, WithdrawalOptions, CancellationToken)"/>.</summary>
public sealed record WithdrawalOptions
{
    /// <summary>The method's fields (<c>Data</c>), e.g. <c>{"Wallet":"…"}</c>.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>The caller's own reference (<c>ClOrdID</c>, at most 30 characters): kept with the withdrawal and echoed in
    /// every <c>U7</c>, <c>U9</c> and <c>U27</c> row about it.</summary>
    public string? ClOrdId { get; init; }
}
