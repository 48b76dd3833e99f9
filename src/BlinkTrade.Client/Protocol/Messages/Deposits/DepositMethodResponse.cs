using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U49</c> DepositMethodResponse: one method's details (<c>DepositMethodID</c> -1 when unknown).</summary>
public sealed record DepositMethodResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositMethodResponse;

    /// <summary>The request's correlation id.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>Method id; -1 when not found.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>Display name.</summary>
    public string? Description { get; init; }

    /// <summary>Disclaimer.</summary>
    public string? Disclaimer { get; init; }

    /// <summary>Method type.</summary>
    public string? Type { get; init; }

    /// <summary>Limits by verification level (keys <c>"0"</c>…<c>"7"</c>, see <see cref="VerificationLevel"/>).</summary>
    public IReadOnlyDictionary<string, DepositLimit>? DepositLimits { get; init; }

    /// <summary>Currency.</summary>
    public string? Currency { get; init; }

    /// <summary>Percent fee (plain percent).</summary>
    public decimal? PercentFee { get; init; }

    /// <summary>Fixed fee.</summary>
    public Amount? FixedFee { get; init; }

    /// <summary>Where users upload receipts.</summary>
    public string? UserReceiptURL { get; init; }

    /// <summary>HTML template of the deposit slip.</summary>
    public string? HtmlTemplate { get; init; }

    /// <summary>Method parameters (open-ended).</summary>
    public JsonElement? Parameters { get; init; }

    /// <summary>Whether this is the "not found" answer.</summary>
    [JsonIgnore]
    public bool IsNotFound => DepositMethodID == -1;

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(DepositMethodReqID), DepositMethodReqID), (nameof(DepositMethodID), DepositMethodID), (nameof(Description), Description),
        (nameof(Disclaimer), Disclaimer), (nameof(Type), Type), (nameof(DepositLimits), RecordText.Map(DepositLimits)), (nameof(Currency), Currency),
        (nameof(PercentFee), PercentFee), (nameof(FixedFee), FixedFee), (nameof(UserReceiptURL), UserReceiptURL),
        (nameof(HtmlTemplate), HtmlTemplate), (nameof(Parameters), Parameters), (nameof(IsNotFound), IsNotFound));
}
