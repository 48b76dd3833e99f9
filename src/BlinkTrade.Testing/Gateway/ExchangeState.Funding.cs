using System.Security.Cryptography;
using System.Text.Json;
using BlinkTrade.Testing.Gateway.Funding;
using BlinkTrade.Testing.Gateway.Wire;
using BlinkTrade.Testing.Users;

namespace BlinkTrade.Testing.Gateway;

/// <content>Deposits and withdrawals: records here, balances in the engine (lock at request, debit at "2", unlock on cancel — §5 G24).</content>
internal sealed partial class ExchangeState
{
    private long _nextDepositReference = 1;
    private long _nextWithdrawId = 1;

    public Dictionary<string, DepositRecord> Deposits { get; } = new(StringComparer.Ordinal);

    public Dictionary<long, WithdrawRecord> Withdrawals { get; } = [];

    public DepositRecord CreateDeposit(UserAccount user, string currency, long value, DepositMethod? method, string? clOrdId,
        IReadOnlyList<Gateway.Trading.NewOrderFields>? instructions = null)
    {
        var crypto = Directory.FindCurrency(currency)?.IsCrypto ?? method is null;
        var deposit = new DepositRecord
        {
            DepositId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            LedgerReference = _nextDepositReference++,
            DepositMethodId = method?.DepositMethodId,
            DepositMethodName = method?.Description ?? "deposit_" + currency.ToLowerInvariant(),
            UserId = user.UserId,
            BrokerId = user.BrokerId,
            Username = user.Username,
            Type = crypto ? "CRY" : method?.Type ?? "DTP",
            Currency = currency,
            Value = value,
            InputAddress = crypto ? "2N" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) : null,
            Created = Now,
            ClOrdId = clOrdId,
            Instructions = instructions ?? [],
        };
        Deposits[deposit.DepositId] = deposit;
        PublishDeposit(deposit);
        return deposit;
    }

    /// <summary>The broker completes a deposit: credits <paramref name="amount"/> (or the declared value), publishes U23 and
    /// U3, then places the orders of its instructions for the owner (U18 <c>Instructions</c>, §2.5).</summary>
    public DepositRecord CompleteDeposit(string depositId, long? amount)
    {
        var deposit = RequireDeposit(depositId);
        if (deposit.Status is "4" or "8")
        {
            throw new InvalidOperationException($"Deposit {depositId} is already {(deposit.Status == "4" ? "complete" : "cancelled")}.");
        }
        var paid = amount ?? deposit.Value;
        if (paid <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), "A deposit needs an amount.");
        }
        Engine.CreditDeposit(deposit.BrokerId, deposit.UserId, deposit.Currency, paid, 0, deposit.LedgerReference, NowTicks);
        deposit.PaidValue = paid;
        deposit.Status = "4";
        PublishDeposit(deposit);
        PublishEngineEvents();
        var instructions = deposit.Instructions;
        deposit.Instructions = [];
        if (instructions.Count > 0 && Directory.FindUser(deposit.UserId) is { } owner)
        {
            foreach (var order in instructions)
            {
                PlaceOrder(order.ToNewOrder(this, owner), owner.UserId);
            }
        }
        return deposit;
    }

    /// <summary>The broker marks a deposit in progress (status "2"): it was paid and is being checked.</summary>
    public DepositRecord ProgressDeposit(string depositId)
    {
        var deposit = RequireDeposit(depositId);
        if (deposit.Status is not ("0" or "1"))
        {
            throw new InvalidOperationException($"Deposit {depositId} in status {deposit.Status} cannot progress.");
        }
        deposit.Status = "2";
        PublishDeposit(deposit);
        return deposit;
    }

    public DepositRecord CancelDeposit(string depositId, string? reason)
    {
        var deposit = RequireDeposit(depositId);
        if (deposit.Status is "4" or "8")
        {
            throw new InvalidOperationException($"Deposit {depositId} can no longer be cancelled.");
        }
        deposit.Status = "8";
        deposit.Reason = reason;
        PublishDeposit(deposit);
        return deposit;
    }

    // The control API's deposit calls name a deposit that must exist.
    private DepositRecord RequireDeposit(string depositId)
        => Deposits.GetValueOrDefault(depositId) ?? throw new ArgumentException($"Deposit {depositId} does not exist.", nameof(depositId));

    /// <summary>U6: locks amount at once; starts unconfirmed ("0") awaiting U24; insufficient funds ⇒ cancelled with ReasonID -1.</summary>
    public WithdrawRecord CreateWithdrawal(UserAccount user, string currency, long amount, string method, JsonElement? data, string? clOrdId)
    {
        var withdrawal = new WithdrawRecord
        {
            WithdrawId = _nextWithdrawId++,
            UserId = user.UserId,
            BrokerId = user.BrokerId,
            Username = user.Username,
            Method = method,
            Currency = currency,
            Amount = amount,
            PaidAmount = amount,
            Data = data,
            Created = Now,
            ClOrdId = clOrdId,
            ConfirmationToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
        };
        if (!Engine.RequestWithdrawal(withdrawal.WithdrawId, user.BrokerId, user.UserId, currency, amount))
        {
            withdrawal.Status = "8";
            withdrawal.ReasonId = -1;
            withdrawal.Reason = "INSUFFICIENT_FUNDS";
        }
        Withdrawals[withdrawal.WithdrawId] = withdrawal;
        PublishWithdrawal(withdrawal);
        PublishEngineEvents();
        return withdrawal;
    }

    public WithdrawRecord ProcessWithdrawal(long withdrawId, WithdrawalAction action, string? reason)
    {
        var withdrawal = Withdrawals.GetValueOrDefault(withdrawId) ?? throw new ArgumentException($"Withdrawal {withdrawId} does not exist.", nameof(withdrawId));
        switch (action)
        {
            case WithdrawalAction.Cancel when withdrawal.Status is "0" or "1":
                Engine.CancelWithdrawal(withdrawId);
                withdrawal.Status = "8";
                withdrawal.ReasonId = 0;
                withdrawal.Reason = reason;
                break;
            case WithdrawalAction.Progress when withdrawal.Status is "1":
                Engine.CompleteWithdrawal(withdrawId, NowTicks);
                withdrawal.Status = "2";
                break;
            case WithdrawalAction.Complete when withdrawal.Status is "1" or "2":
                if (withdrawal.Status == "1")
                {
                    Engine.CompleteWithdrawal(withdrawId, NowTicks);
                }
                withdrawal.Status = "4";
                break;
            default:
                throw new InvalidOperationException($"Withdrawal {withdrawId} in status {withdrawal.Status} cannot be {action}.");
        }
        PublishWithdrawal(withdrawal);
        PublishEngineEvents();
        return withdrawal;
    }

    public void PublishDeposit(DepositRecord deposit) =>
        Runtime.Registry.Publish(deposit.UserId, "U23", FrameEncoder.Encode(new Client.Protocol.DepositRefresh { Deposit = deposit.ToProtocol() }));

    public void PublishWithdrawal(WithdrawRecord withdrawal) =>
        Runtime.Registry.Publish(withdrawal.UserId, "U9", FrameEncoder.Encode(new Client.Protocol.WithdrawRefresh { Withdrawal = withdrawal.ToProtocol() }));
}
