namespace BlinkTrade.Client.Protocol;

/// <summary>
/// A FIX-style enumeration carried on the wire as a short string (<c>"1"</c>, <c>"2"</c>, …). Implementations are
/// value types that keep the raw wire value, so a value the exchange adds later still parses, round-trips, and
/// can be inspected (<see cref="IsKnown"/> is then <see langword="false"/>).
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
public interface IWireEnum<TSelf> where TSelf : struct, IWireEnum<TSelf>
{
    /// <summary>The raw wire value, e.g. <c>"1"</c>.</summary>
    string Value { get; }

    /// <summary>Whether <see cref="Value"/> is one of the values this SDK knows.</summary>
    bool IsKnown { get; }

    /// <summary>The known values of this enumeration with their names.</summary>
    static abstract WireEnumValues<TSelf> Values { get; }

    /// <summary>Wraps a raw wire value (known or not).</summary>
    /// <param name="value">The wire string.</param>
    /// <returns>The typed value.</returns>
    static abstract TSelf FromWire(string value);
}
