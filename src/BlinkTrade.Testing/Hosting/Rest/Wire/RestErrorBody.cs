namespace BlinkTrade.Testing.Hosting.Rest.Wire;

// {"code": <negative int>, "msg": "<text>"}
internal sealed record RestErrorBody(int Code, string Msg);
