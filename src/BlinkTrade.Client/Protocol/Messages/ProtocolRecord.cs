using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlinkTrade.Client.Protocol.Serialization;

namespace BlinkTrade.Client.Protocol;

/// <summary>
/// Base of the protocol's messages and of the rows and objects they carry: keeps the wire fields this SDK does not
/// model in <see cref="ExtensionData"/> (for diagnostics, and so they survive a round trip).
/// </summary>
public abstract record ProtocolRecord
{
    // The extension data: null, the dictionary set (or made here), or — from the compact reader — the one unknown
    // property the exchange sends (an 8's TransactTime) as a WireExtensionProperty shared by every record that read the
    // same property. A record holding the shared property allocates nothing for its extension data; the first read of
    // ExtensionData swaps in a WireExtensionData of its own that points at the property until it is changed, so a
    // change through one record never shows through another (docs/performance.md, "issue 18, task 18zc").
    private object? _extensionData;

    /// <summary>A record with no extension data.</summary>
    protected ProtocolRecord()
    {
    }

    /// <summary>Copies <paramref name="original"/> (a <see langword="with"/> expression).</summary>
    /// <param name="original">The record copied.</param>
    /// <remarks>Extension data as read from the wire and not changed since is the copy's own too (a change through one
    /// of the two records does not show through the other); a dictionary that was set or changed is shared, as records
    /// share their reference members.</remarks>
    protected ProtocolRecord(ProtocolRecord original)
    {
        ArgumentNullException.ThrowIfNull(original);
        _extensionData = original.ExtensionIdentity;
    }

    /// <summary>Fields present on the wire that this SDK version does not model (filled in by the serializer).</summary>
    /// <remarks>Settable rather than init-only because System.Text.Json's source generator cannot bind extension data
    /// through an object initializer. Printed by name only (<see cref="ToString"/>): their values are unknown. The
    /// dictionary is this record's own: changing it changes no other record read from the wire.</remarks>
    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData
    {
        get => _extensionData is WireExtensionProperty shared ? View(shared) : (IDictionary<string, JsonElement>?)_extensionData;
        set => _extensionData = value;
    }

    /// <summary>What the readers store and the writers write without making a dictionary: <see langword="null"/>, an
    /// <see cref="IDictionary{TKey, TValue}"/> or a shared <see cref="WireExtensionProperty"/>.</summary>
    internal object? WireExtension
    {
        get => _extensionData;
        init => _extensionData = value;
    }

    // What equality and copies go by: the shared property while this record's dictionary still holds just that (so
    // reading ExtensionData changes neither), else the dictionary itself (compared by reference, as before).
    private object? ExtensionIdentity => _extensionData is WireExtensionData { Shared: { } shared } ? shared : _extensionData;

    /// <summary>Whether the record equals <paramref name="other"/>: the same type, the same extension data (the same
    /// dictionary, or the same unchanged wire property) and, in derived records, equal members.</summary>
    /// <param name="other">The record compared with.</param>
    /// <returns><see langword="true"/> when they are equal.</returns>
    public virtual bool Equals(ProtocolRecord? other)
        => ReferenceEquals(this, other)
            || (other is not null && EqualityContract == other.EqualityContract && Equals(ExtensionIdentity, other.ExtensionIdentity));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(EqualityContract, ExtensionIdentity);

    /// <summary>Prints the names of the unknown fields, when there are any.</summary>
    /// <param name="builder">The record's text so far.</param>
    /// <returns>Whether anything was printed.</returns>
    protected virtual bool PrintMembers(StringBuilder builder) => PrintExtensionData(builder, printedBefore: false);

    private protected bool PrintExtensionData(StringBuilder builder, bool printedBefore) =>
        RecordText.Names(ExtensionData) is { } names ? RecordText.Print(builder, printedBefore, ("ExtensionData", names)) : printedBefore;

    /// <summary>The value of extension property <paramref name="name"/>, without making this record's dictionary.</summary>
    internal bool TryGetExtension(string name, out JsonElement value)
    {
        switch (_extensionData)
        {
            case WireExtensionProperty shared when string.Equals(shared.Name, name, StringComparison.Ordinal):
                value = shared.Value;
                return true;
            case IDictionary<string, JsonElement> dictionary:
                return dictionary.TryGetValue(name, out value);
            default:
                value = default;
                return false;
        }
    }

    // This record's own dictionary over the shared property, made once (a racing reader gets the one that was stored).
    private IDictionary<string, JsonElement>? View(WireExtensionProperty shared)
    {
        var view = new WireExtensionData(shared);
        var before = Interlocked.CompareExchange(ref _extensionData, view, shared);
        return ReferenceEquals(before, shared) ? view : ExtensionData;
    }
}
