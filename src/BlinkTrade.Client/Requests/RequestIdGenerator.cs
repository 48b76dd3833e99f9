using System.Globalization;

namespace BlinkTrade.Client.Requests;

/// <summary>
/// Request ids: positive 31-bit integers (the protocol types most request ids as int), counting up from a random
/// start so ids of successive connections and processes do not collide. Client order ids are short strings
/// (≤ 30 characters) built the same way with a per-client random prefix.
/// </summary>
internal sealed class RequestIdGenerator
{
    private readonly string _orderPrefix;
    private int _next;

    public RequestIdGenerator()
    {
        _next = Random.Shared.Next(1, 1_000_000_000);
        _orderPrefix = Random.Shared.Next(0, 0x1000000).ToString("x6", CultureInfo.InvariantCulture);
    }

    /// <summary>The next request id (wraps before int.MaxValue, never 0 or negative).</summary>
    public int Next()
    {
        while (true)
        {
            var current = Volatile.Read(ref _next);
            var next = current >= int.MaxValue - 1 ? 1 : current + 1;
            if (Interlocked.CompareExchange(ref _next, next, current) == current)
            {
                return current;
            }
        }
    }

    /// <summary>The next request id as text (the form correlation uses).</summary>
    public string NextString() => Next().ToString(CultureInfo.InvariantCulture);

    /// <summary>A new client order id, e.g. <c>bt3fa9c1-1234567</c>.</summary>
    public string NextClOrdID() => "bt" + _orderPrefix + "-" + Next().ToString(CultureInfo.InvariantCulture);
}
