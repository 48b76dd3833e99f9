using System.Text.Json;

namespace BlinkTrade.Client.Protocol;

/// <summary>One deposit method of a broker: a row of <see cref="DepositMethodsResponse"/>, and the content of a
/// <see cref="DepositMethodResponse"/>.</summary>
public sealed partial record DepositMethod : ProtocolRecord
{
    /// <summary>Method id.</summary>
    public int? DepositMethodID { get; init; }

    /// <summary>Display name.</summary>
    public string? Description { get; init; }

    /// <summary>Disclaimer shown to users (e.g. processing time).</summary>
    public string? Disclaimer { get; init; }

    /// <summary>Method type, e.g. <c>DTP</c>.</summary>
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

    /// <summary>HTML template of the deposit slip (in a <see cref="DepositMethodResponse"/>).</summary>
    public string? HtmlTemplate { get; init; }

    /// <summary>Method parameters, open-ended (in a <see cref="DepositMethodResponse"/>).</summary>
    public JsonElement? Parameters { get; init; }
}
