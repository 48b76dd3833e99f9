using System.Net.Sockets;

namespace BlinkTrade.ApiKeys.Pipeline;

/// <summary>
/// Reads the whole answer inside the attempt. It sits inside the resilience handler, so a stalled or broken body is
/// covered by the attempt timeout and the retry rules instead of failing later, outside the pipeline, while Refit
/// reads it.
/// </summary>
internal sealed class ApiKeysBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage? response = null;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            await response.Content.LoadIntoBufferAsync(cancellationToken).ConfigureAwait(false);
            return response;
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is not OperationCanceledException)
        {
            // Some transports report an abort caused by our token as an I/O error; report it as the cancellation it is,
            // so the timeout strategy tells an attempt timeout (TimeoutRejectedException) from the caller's own cancellation.
            response?.Dispose();
            throw new OperationCanceledException("The attempt was cancelled.", exception, cancellationToken);
        }
        catch (Exception exception) when (exception is SocketException or IOException)
        {
            // SocketsHttpHandler lets a few socket errors through unwrapped: a connection reset between its connect and
            // its read of the remote address throws SocketException "Transport endpoint is not connected" (found by
            // tools/BlinkTrade.RestSoak). It is a transport failure like any other: as HttpRequestException it is retried
            // where that is safe and surfaces as the documented "no answer" (Status 0, outcome unknown) where it is not.
            response?.Dispose();
            throw new HttpRequestException(HttpRequestError.Unknown, "The request failed in transport: " + exception.Message, exception);
        }
        catch
        {
            response?.Dispose();
            throw;
        }
    }
}
