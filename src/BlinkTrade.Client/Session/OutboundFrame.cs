namespace BlinkTrade.Client.Session;

/// <summary>A serialized message on its way to the transport.</summary>
/// <param name="Frame">The UTF-8 JSON frame.</param>
/// <param name="MsgType">The message type, for logs and pacing reports.</param>
/// <param name="Sent">Completed when the frame was handed to the transport (callers that wait for the send).</param>
/// <param name="Owner">The caller's task (a pending request's or <paramref name="Sent"/>'s): when it completed before
/// the frame left — timed out, cancelled, failed — a frame still waiting for pacing is withdrawn, never sent late.</param>
/// <param name="Request">The request the frame carries, when an answer is expected: pacing keeps its permit until an
/// answer shows the server has read it (see <see cref="OutboundPacer"/>).</param>
internal readonly record struct OutboundFrame(byte[] Frame, string MsgType, TaskCompletionSource? Sent, Task? Owner, Requests.PendingRequest? Request = null)
{
    /// <summary>Whether nobody waits for this frame any more.</summary>
    public bool IsAbandoned => Owner is { IsCompleted: true };
}
