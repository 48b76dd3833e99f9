namespace BlinkTrade.ApiKeys.Tests.Infrastructure;

/// <summary>Sits between the signing handler and the transport and records every attempt's final URI and key header.</summary>
internal sealed class RecordingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
{
    private readonly List<Uri> _attempts = [];

    public IReadOnlyList<Uri> Attempts
    {
        get
        {
            lock (_attempts)
            {
                return _attempts.ToArray();
            }
        }
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_attempts)
        {
            _attempts.Add(request.RequestUri!);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
