namespace BlinkTrade.ApiKeys.Pipeline;

// The innermost handler of a client's own chain when the caller passed the transport: the client disposes its chain,
// this wrapper included, but the transport stays the caller's (HttpMessageInvoker with disposeHandler: false).
internal sealed class CallerOwnedHandler(HttpMessageHandler transport) : HttpMessageHandler
{
    private readonly HttpMessageInvoker _invoker = new(transport, disposeHandler: false);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.SendAsync(request, cancellationToken);

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        _invoker.Send(request, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _invoker.Dispose();
        }
        base.Dispose(disposing);
    }
}
