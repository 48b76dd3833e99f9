using System.Diagnostics;
using BlinkTrade.Client.Diagnostics;

namespace BlinkTrade.Client.Internal.Telemetry;

/// <summary>The client's spans: one per request (send → answer) and one per reconnect (loss → restored).</summary>
/// <remarks>
/// One process-wide <see cref="ActivitySource"/>, as .NET and OpenTelemetry expect (listeners subscribe by name);
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns <see langword="null"/> and costs a
/// field read when nobody listens. Tags carry ids and types, never a credential.
/// </remarks>
internal static class ClientActivities
{
    public static readonly ActivitySource Source = new(BlinkTradeTelemetry.Name, typeof(ClientActivities).Assembly.GetName().Version?.ToString());

    public const string MsgTypeTag = "blinktrade.msg_type";
    public const string RequestIdTag = "blinktrade.request_id";
    public const string ClOrdIdTag = "blinktrade.cl_ord_id";

    /// <summary>A span for one request (kind client), or <see langword="null"/> when nobody listens.</summary>
    public static Activity? StartRequest(string msgType, string requestId, string? clOrdId)
    {
        var activity = Source.StartActivity("BlinkTrade " + msgType, ActivityKind.Client);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag(MsgTypeTag, msgType);
            activity.SetTag(RequestIdTag, requestId);
            if (clOrdId is not null)
            {
                activity.SetTag(ClOrdIdTag, clOrdId);
            }
        }
        return activity;
    }

    /// <summary>A span covering one reconnect, from the loss to the restored session.</summary>
    public static Activity? StartReconnect(string reason)
    {
        var activity = Source.StartActivity("BlinkTrade reconnect", ActivityKind.Internal);
        activity?.SetTag("blinktrade.reconnect.reason", reason);
        return activity;
    }

    /// <summary>Marks the span failed with the exception's type (OpenTelemetry's <c>error.type</c>).</summary>
    public static void Fail(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.SetTag("error.type", error.GetType().FullName);
    }
}
