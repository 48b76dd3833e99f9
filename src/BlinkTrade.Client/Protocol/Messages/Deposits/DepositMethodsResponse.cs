using System.Text;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U21</c> DepositMethodsResponse: the methods (a plain array of objects, not column-oriented).</summary>
public sealed record DepositMethodsResponse : BlinkTradeMessage
{
    /// <inheritdoc />
    public override string MsgType => MessageTypes.DepositMethodsResponse;

    /// <summary>The request's correlation id.</summary>
    public long DepositMethodReqID { get; init; }

    /// <summary>The methods.</summary>
    public IReadOnlyList<DepositMethod> DepositMethodGrp { get; init; } = [];

    /// <inheritdoc />
    protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder),
        (nameof(DepositMethodReqID), DepositMethodReqID), (nameof(DepositMethodGrp), RecordText.List(DepositMethodGrp)));
}
