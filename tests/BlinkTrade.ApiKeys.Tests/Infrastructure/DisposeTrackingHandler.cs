namespace BlinkTrade.ApiKeys.Tests.Infrastructure;

/// <summary>Passes requests through and records whether anyone disposed it (it then disposes its inner handler too).</summary>
internal sealed class DisposeTrackingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public bool IsDisposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
