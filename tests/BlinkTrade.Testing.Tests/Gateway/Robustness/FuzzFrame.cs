using System.Text;

namespace BlinkTrade.Testing.Tests.Gateway.Robustness;

/// <summary>One generated hostile frame: its bytes, whether it goes out as a binary WebSocket message, and whether its request type may go unanswered (V or e unsubscribe, F cancel-all with nothing to cancel).</summary>
public sealed record FuzzFrame(byte[] Bytes, bool Binary, bool MayBeSilent)
{
    /// <summary>The frame for a failure message: its text (cut at 600 characters) or, for bytes that are no UTF-8, hex.</summary>
    public string Display()
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Bytes);
        }
        catch (DecoderFallbackException)
        {
            text = "hex:" + Convert.ToHexString(Bytes);
        }
        return (Binary ? "[binary] " : string.Empty) + (text.Length <= 600 ? text : text[..600] + $"… ({text.Length} chars)");
    }
}
