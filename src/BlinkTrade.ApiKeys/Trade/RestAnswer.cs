namespace BlinkTrade.ApiKeys.Trade;

/// <summary>A REST answer as read off the pipeline: HTTP status, whole body, <c>Retry-After</c>.</summary>
internal sealed record RestAnswer(int HttpStatus, byte[] Body, TimeSpan? RetryAfter)
{
    public bool IsSuccess => HttpStatus is >= 200 and < 300;
}
