using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary><c>U9</c> WithdrawRefresh: unsolicited, a withdrawal was created, confirmed or processed.</summary>
[JsonConverter(typeof(EntityReportConverter<WithdrawRefresh, Withdrawal>))]
[MessageType(MessageTypes.WithdrawRefresh)]
public sealed partial record WithdrawRefresh : WithdrawReport, IEntityReport<WithdrawRefresh, Withdrawal>;
