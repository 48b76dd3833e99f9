namespace BlinkTrade.ApiKeys.Serialization;

// The contract's error body: {"code": <negative int>, "msg": "<text>"}.
internal sealed class ApiErrorWire
{
    public int? Code { get; set; }

    public string? Msg { get; set; }
}
