using System.Security.Cryptography;
using System.Text.Json;
using System.Text;
using BlinkTrade.Client.Protocol;
using DepositAction = BlinkTrade.Client.Account.DepositAction;
using BlinkTrade.Testing.Gateway.Dispatch;
using BlinkTrade.Testing.Gateway.Handlers;
using BlinkTrade.Testing.Gateway.Sessions;
using BlinkTrade.Testing.Gateway.Trading;
using BlinkTrade.Testing.Gateway.Wire;

namespace BlinkTrade.Testing.Gateway.Funding;

/// <summary>Deposits (U18/U19, U20/U21, U30/U31) and withdrawals (U6/U7, U24/U25, U26/U27, U70/U71).</summary>
internal static class FundingHandlers
{
    private static readonly IReadOnlyList<string> AllStatuses = ["0", "1", "2", "4", "8"];

    // What U26 lists when the request names no StatusList: pending and in progress.
    private static readonly IReadOnlyList<string> OpenWithdrawStatuses = ["1", "2"];

    /// <summary>The most instructions a deposit may carry.</summary>
    public const int MaxInstructions = 10;

    /// <summary>
    /// U18: Currency → crypto deposit with an address; DepositMethodID + Value → fiat; DepositID → lookup of the account's
    /// deposit (a broker's: any of its customers'), or an Action on it: CANCEL by the owner or the broker; PROGRESS,
    /// COMPLETE and CREDIT (credits at once, as COMPLETE) by the broker only. ClOrdID is kept with a new deposit;
    /// Instructions (new orders, D) are checked now and placed for the owner when the deposit completes.
    /// </summary>
    public static async ValueTask DepositAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("DepositReqID");
        var request = message.Read<DepositRequest>();
        var depositId = request.DepositID;
        var methodId = request.DepositMethodID;
        var currency = request.Currency;
        var value = request.Value?.Satoshis ?? 0;
        var action = request.Action;
        var clOrdId = ClientReference(request.ClOrdID);
        if (depositId is null && methodId is null && currency is null)
        {
            throw GatewayException.MissingTag("Currency");
        }
        var instructions = ReadInstructions(message);
        if (instructions.Count > 0 && depositId is not null)
        {
            throw GatewayException.InvalidParameter("Instructions go with a new deposit");
        }
        if (action is not (null or DepositAction.Cancel or DepositAction.Progress or DepositAction.Complete or DepositAction.Credit))
        {
            throw GatewayException.InvalidValue("Action", action);
        }
        if (value < 0)
        {
            throw GatewayException.InvalidValue("Value", value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        await services.ReplyAsync(session, state =>
        {
            var user = AccountResolver.Resolve(state, identity, message);
            DepositRecord? deposit;
            if (depositId is not null)
            {
                deposit = state.Deposits.GetValueOrDefault(depositId);
                if (deposit is null || !AccountResolver.CanActFor(user, deposit.UserId, deposit.BrokerId))
                {
                    return FrameEncoder.Encode(NotFoundDeposit, message);
                }
                if (action is not null)
                {
                    deposit = ActOnDeposit(state, state.RequireUser(identity.UserId), deposit, action, value);
                }
            }
            else if (methodId is { } id)
            {
                var broker = state.Directory.FindBroker(user.BrokerId);
                var method = broker?.DepositMethods.FirstOrDefault(m => m.DepositMethodId == id) ?? throw GatewayException.InvalidValue("DepositMethodID", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (value <= 0)
                {
                    throw GatewayException.MissingTag("Value");
                }
                deposit = state.CreateDeposit(user, method.Currency, value, method, clOrdId, instructions);
            }
            else
            {
                if (state.Directory.FindCurrency(currency!) is null)
                {
                    throw GatewayException.InvalidValue("Currency", currency);
                }
                deposit = state.CreateDeposit(user, currency!, value, null, clOrdId, instructions);
            }
            return FrameEncoder.Encode(new DepositResponse { Deposit = deposit.ToProtocol() }, message);
        }, cancellationToken).ConfigureAwait(false);
    }

    // An Action on a deposit the caller may see: the owner may only cancel; the broker may do anything while it is open.
    private static DepositRecord ActOnDeposit(ExchangeState state, Users.UserAccount caller, DepositRecord deposit, string action, long value)
    {
        var isBroker = caller.IsBroker && caller.BrokerId == deposit.BrokerId;
        if (action != DepositAction.Cancel && !isBroker)
        {
            throw GatewayException.NotAuthorized($"Action {action} is for the broker");
        }
        var open = action == DepositAction.Progress ? deposit.Status is "0" or "1" : deposit.Status is "0" or "1" or "2";
        if (!open)
        {
            throw GatewayException.InvalidParameter($"Deposit in status {deposit.Status} cannot take {action}");
        }
        return action switch
        {
            DepositAction.Cancel => state.CancelDeposit(deposit.DepositId, isBroker ? "Cancelled by the broker" : "Cancelled by the user"),
            DepositAction.Progress => state.ProgressDeposit(deposit.DepositId),
            _ => state.CompleteDeposit(deposit.DepositId, value > 0 ? value : null),
        };
    }

    // U18's Instructions: each a new order (D) for the depositor, checked as a D is (ERROR for a malformed one) and kept
    // until the deposit completes. Any other message, or an order naming another account (ClientID), is refused.
    private static IReadOnlyList<NewOrderFields> ReadInstructions(GatewayRequest message)
    {
        if (!message.TryGet("Instructions", out var raw) || raw.ValueKind == JsonValueKind.Null)
        {
            return [];
        }
        if (raw.ValueKind != JsonValueKind.Array || raw.GetArrayLength() > MaxInstructions)
        {
            throw GatewayException.InvalidValue("Instructions", raw.ValueKind == JsonValueKind.Array ? $"{raw.GetArrayLength()} messages" : raw.GetRawText());
        }
        var orders = new List<NewOrderFields>(raw.GetArrayLength());
        foreach (var item in raw.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object || !item.TryGetProperty("MsgType", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "D")
            {
                throw GatewayException.InvalidValue("Instructions", "only new orders (D) can be instructions");
            }
            using var instruction = GatewayRequest.Parse(Encoding.UTF8.GetBytes(item.GetRawText()));
            var order = OrderHandlers.ReadNewOrder(instruction);
            if (order.ClientId is not null)
            {
                throw GatewayException.NotAuthorized("An instruction runs for the depositor's own account");
            }
            orders.Add(order);
        }
        return orders;
    }

    // ClOrdID of a deposit, withdrawal or cancel: the caller's reference, at most 30 characters (as an order's, §5 G16).
    private static string? ClientReference(string? clOrdId)
        => clOrdId is { Length: > 30 } ? throw GatewayException.InvalidValue("ClOrdID", clOrdId) : clOrdId;

    public static async ValueTask DepositMethodsAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("DepositMethodReqID");
        var brokerId = message.Read<DepositMethodsRequest>().BrokerID ?? session.Identity?.BrokerId ?? throw GatewayException.MissingTag("BrokerID");
        await services.ReplyAsync(session, state =>
        {
            var broker = state.Directory.FindBroker(brokerId) ?? throw GatewayException.InvalidValue("BrokerID", brokerId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return FrameEncoder.Encode(new DepositMethodsResponse { DepositMethodGrp = [.. broker.DepositMethods.Select(m => ToProtocol(m))] }, message);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>U48 → U49: one deposit method of the session's broker (or <c>BrokerID</c>'s); <c>DepositMethodID</c> -1 when unknown.</summary>
    public static async ValueTask DepositMethodAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        message.Require("DepositMethodReqID");
        message.Require("DepositMethodID");
        // DepositMethodRequest has no BrokerID (the client asks its own broker's): read beside the record.
        var methodId = message.Read<DepositMethodRequest>("BrokerID").DepositMethodID;
        var brokerId = message.GetOptionalInt32("BrokerID") ?? session.Identity?.BrokerId;
        await services.ReplyAsync(session, state =>
        {
            var method = state.Directory.Brokers
                .Where(b => brokerId is null || b.BrokerId == brokerId)
                .SelectMany(b => b.DepositMethods)
                .FirstOrDefault(m => m.DepositMethodId == methodId);
            return FrameEncoder.Encode(new DepositMethodResponse
            {
                DepositMethod = method is null
                    ? new Client.Protocol.DepositMethod { DepositMethodID = -1 }
                    : ToProtocol(method) with { HtmlTemplate = string.Empty, Parameters = WithdrawRecord.EmptyObject },
            }, message);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>U30 → U31: the account's deposits in the statuses asked for (all by default), matching the search terms (§5 G42).</summary>
    public static ValueTask DepositListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
        => FundingListAsync(services, session, message, AllStatuses, static state => state.Deposits.Values, ListSearch.Deposit,
            static rows => new DepositListResponse { DepositListGrp = [.. rows.Select(d => d.ToProtocol())] }, cancellationToken);

    /// <summary>U6 → U7 (full model, §5 G25) + U9.</summary>
    public static async ValueTask WithdrawAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("WithdrawReqID");
        message.Require("Currency");
        message.Require("Amount");
        message.Require("Method");
        // Data is read beside the record: fe sends it JSON-stringified, the JS SDK as an object (§5 G36), and a string
        // that is no JSON object is refused here (the record's converter would keep it as a string).
        var request = message.Read<WithdrawRequest>("Data");
        var currency = request.Currency;
        var amount = request.Amount.Satoshis;
        if (amount <= 0)
        {
            throw GatewayException.InvalidValue("Amount", amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        var method = request.Method;
        JsonElement? data = null;
        if (message.TryGet("Data", out var raw))
        {
            // fe sends Data JSON-stringified, the JS SDK as an object (§5 G36).
            data = raw.ValueKind switch
            {
                JsonValueKind.Object => raw.Clone(),
                JsonValueKind.String => ParseObject(raw.GetString()!),
                _ => throw GatewayException.InvalidValue("Data", raw.GetRawText()),
            };
        }
        var clOrdId = ClientReference(request.ClOrdID);
        await services.ReplyAsync(session, state =>
        {
            var user = AccountResolver.Resolve(state, identity, message);
            var broker = state.Directory.FindBroker(user.BrokerId);
            if (broker is null || !broker.WithdrawMethods.TryGetValue(currency, out var methods) || methods.All(m => m.Method != method))
            {
                throw GatewayException.NotAuthorized($"No withdrawal method {method} for {currency}");
            }
            var withdrawal = state.CreateWithdrawal(user, currency, amount, method, data, clOrdId);
            return FrameEncoder.Encode(new WithdrawResponse { Withdrawal = withdrawal.ToProtocol() }, message);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>U24: ConfirmationToken, or WithdrawID + SecondFactor → status "1"; failure leaves the status unchanged.</summary>
    public static async ValueTask ConfirmWithdrawAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("WithdrawReqID");
        var request = message.Read<WithdrawConfirmationRequest>();
        var token = request.ConfirmationToken?.Reveal();
        var withdrawId = request.WithdrawID;
        var secondFactor = request.SecondFactor?.Reveal();
        if (token is null && (withdrawId is null || secondFactor is null))
        {
            throw GatewayException.MissingTag(withdrawId is null ? "ConfirmationToken" : "SecondFactor");
        }
        var runtime = services;
        var frame = await runtime.Actor.InvokeAsync(state =>
        {
            var user = state.RequireUser(identity.UserId);
            WithdrawRecord? withdrawal;
            bool ok;
            if (token is not null)
            {
                withdrawal = state.Withdrawals.Values.FirstOrDefault(w => w.UserId == user.UserId && w.Status == "0" &&
                    CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(w.ConfirmationToken), Encoding.UTF8.GetBytes(token)));
                ok = withdrawal is not null;
            }
            else
            {
                withdrawal = state.Withdrawals.GetValueOrDefault(withdrawId!.Value);
                if (withdrawal is not null && withdrawal.UserId != user.UserId)
                {
                    withdrawal = null;
                }
                ok = withdrawal is { Status: "0" } && user.TwoFactorEnabled && user.TwoFactorSecret is { } secret &&
                     runtime.SecondFactor.IsValid(user.UserId, secret, secondFactor!);
            }
            if (ok)
            {
                withdrawal!.Status = "1";
                state.PublishWithdrawal(withdrawal);
                return FrameEncoder.Encode(new WithdrawConfirmationResponse { Withdrawal = withdrawal.ToProtocol() }, message);
            }
            return FrameEncoder.Encode(new WithdrawConfirmationResponse
            {
                Withdrawal = new Withdrawal { WithdrawID = withdrawal?.WithdrawId ?? withdrawId ?? -1, Status = new WithdrawStatus(withdrawal?.Status ?? "0") },
            }, message);
        }, cancellationToken).ConfigureAwait(false);
        session.Send(frame);
    }

    /// <summary>U26 → U27: the account's withdrawals in the statuses asked for (pending and in progress by default), matching
    /// the search terms (§5 G42).</summary>
    public static ValueTask WithdrawListAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
        => FundingListAsync(services, session, message, OpenWithdrawStatuses, static state => state.Withdrawals.Values, ListSearch.Withdrawal,
            static rows => new WithdrawListResponse { WithdrawListGrp = [.. rows.Select(r => r.ToProtocol())] }, cancellationToken);

    /// <summary>U70 → U71: the user cancels a withdrawal not yet in progress; its funds are unlocked. The reply's ClOrdID
    /// echoes the cancel's (when it has one), as the JS SDK correlates by it.</summary>
    public static async ValueTask CancelWithdrawAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("WithdrawCancelReqID");
        message.Require("WithdrawID");
        var cancel = message.Read<CancelWithdrawalRequest>();
        var withdrawId = cancel.WithdrawID;
        var clOrdId = ClientReference(cancel.ClOrdID);
        await services.ReplyAsync(session, state =>
        {
            var withdrawal = OwnWithdrawal(state, withdrawId, identity.UserId);
            if (withdrawal.Status is not ("0" or "1"))
            {
                throw GatewayException.InvalidParameter($"Withdrawal in status {withdrawal.Status} cannot be cancelled");
            }
            state.ProcessWithdrawal(withdrawId, WithdrawalAction.Cancel, "Cancelled by the user");
            var cancelled = withdrawal.ToProtocol();
            return FrameEncoder.Encode(new CancelWithdrawalResponse { Withdrawal = clOrdId is null ? cancelled : cancelled with { ClOrdID = clOrdId } }, message);
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The longest comment U78 accepts (the original server's column is not known; 1,000 characters is generous).</summary>
    public const int MaxWithdrawCommentLength = 1000;

    /// <summary>U78 → U79: the user comments on one of their withdrawals (e.g. a note for the broker).</summary>
    public static async ValueTask CommentWithdrawAsync(GatewayServices services, ExchangeSession session, GatewayRequest message, CancellationToken cancellationToken)
    {
        var identity = session.Identity!;
        message.Require("WithdrawReqID");
        message.Require("WithdrawID");
        message.Require("Message");
        var request = message.Read<WithdrawCommentRequest>();
        var withdrawId = request.WithdrawID;
        var comment = request.Message;
        if (comment.Trim().Length == 0 || comment.Length > MaxWithdrawCommentLength)
        {
            throw GatewayException.InvalidParameter($"Message must hold 1 to {MaxWithdrawCommentLength} characters");
        }
        await services.Actor.InvokeAsync(state =>
        {
            var withdrawal = OwnWithdrawal(state, withdrawId, identity.UserId);
            withdrawal.Comments.Add(comment);
            return 0;
        }, cancellationToken).ConfigureAwait(false);
        session.Send(FrameEncoder.Encode(new WithdrawCommentResponse { WithdrawID = withdrawId }, message));
    }

    // The user's own withdrawal; another user's is "not found" too, so ids of others cannot be probed.
    private static WithdrawRecord OwnWithdrawal(ExchangeState state, long withdrawId, int userId)
        => state.Withdrawals.GetValueOrDefault(withdrawId) is { } withdrawal && withdrawal.UserId == userId
            ? withdrawal
            : throw GatewayException.InvalidParameter("Withdrawal not found");

    // U30 → U31 and U26 → U27, one list over deposits or withdrawals: one page of the account's records in the statuses asked
    // for (defaultStatuses when the request names none), matching every search term, newest first.
    private static ValueTask FundingListAsync<T>(GatewayServices services, ExchangeSession session, GatewayRequest message, IReadOnlyList<string> defaultStatuses,
        Func<ExchangeState, IEnumerable<T>> records, Func<T, SearchTerm, bool> matches, Func<IEnumerable<T>, PagedMessage> answer, CancellationToken cancellationToken)
        where T : FundingRecord
        => AccountLists.ReplyAsync(services, session, message, m => (Statuses: m.GetOptionalStringArray("StatusList") ?? defaultStatuses, Terms: SearchTerms.Read(m)),
            (state, user, filter, page, pageSize) => answer(records(state)
                .Where(r => r.UserId == user.UserId && filter.Statuses.Contains(r.Status) && (filter.Terms is null || filter.Terms.All(t => matches(r, t))))
                .OrderByDescending(r => r.Sequence).Skip(page * pageSize).Take(pageSize)), cancellationToken);

    // U19 for a deposit this user does not have: DepositID -1 as a number (bitex's), which the record's string id cannot
    // hold, so it is the record's unknown field.
    private static DepositResponse NotFoundDeposit => new()
    {
        Deposit = new Deposit { ExtensionData = new Dictionary<string, JsonElement>(1) { ["DepositID"] = MinusOne } },
    };

    private static readonly JsonElement MinusOne = JsonDocument.Parse("-1").RootElement.Clone();

    /// <summary>One deposit method (a U21 row, the body of U49).</summary>
    private static Client.Protocol.DepositMethod ToProtocol(Users.DepositMethod method) => new()
    {
        DepositMethodID = method.DepositMethodId,
        Description = method.Description,
        Disclaimer = string.Empty,
        Type = method.Type,
        DepositLimits = new Dictionary<string, DepositLimit>(),
        Currency = method.Currency,
        PercentFee = method.PercentFee,
        FixedFee = Amount.FromSatoshis(method.FixedFee),
    };

    private static JsonElement ParseObject(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : throw GatewayException.InvalidValue("Data", text);
        }
        catch (JsonException)
        {
            throw GatewayException.InvalidValue("Data", text);
        }
    }
}
