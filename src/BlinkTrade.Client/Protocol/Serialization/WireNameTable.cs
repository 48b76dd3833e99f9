using System.Buffers.Binary;
using System.Text;

namespace BlinkTrade.Client.Protocol.Serialization;

/// <summary>
/// The property names one record reads, looked up straight from their UTF-8 bytes: a name maps to its position in the
/// list given to the constructor (the reader's field number), anything else to -1.
/// </summary>
/// <remarks>
/// Why not a <c>switch</c> over the name: C# switches on UTF-16 text only, so every name was first widened into a char
/// buffer and then hashed or compared case by case (about 6 ns a name, a sixth of an <c>X</c>'s parse). Here a name of
/// at least four bytes is keyed by its length and its first and last four bytes (two loads), a multiplier chosen at
/// start-up spreads the keys over a small table without collisions, and one vectorized comparison confirms the match.
/// Before that, <see cref="CompactJsonSource"/> tries <see cref="Guess"/>: the exchange writes a record's names in one
/// order, so the name that followed the previous one last time is usually the next, confirmed by one comparison of its
/// <c>"Name":</c> bytes without finding the name's end at all (docs/performance.md, "task 18x").
/// </remarks>
internal sealed class WireNameTable
{
    private const int MinLength = 4;
    private const int Bits = 7;

    private readonly byte[][] _names;
    private readonly string[] _strings;
    private readonly sbyte[] _slots = new sbyte[1 << Bits];
    private readonly ulong _multiplier;

    // Each name as a member starts in the compact form: "Name": (quotes and colon).
    private readonly byte[][] _members;

    // The name that last followed each name (slot 0: the object's first name), in declaration order at first. A hint
    // only, checked against the bytes before use, so threads may overwrite each other's (a byte write is atomic).
    private readonly sbyte[] _successors;

    /// <summary>Builds the table.</summary>
    /// <param name="names">The names, at least four ASCII characters each, at most 127 of them; no two may share their
    /// length and first and last four bytes (the constructor throws, so a type initializer fails at once).</param>
    public WireNameTable(params string[] names)
    {
        if (names.Length >= sbyte.MaxValue)
        {
            throw new ArgumentException("Too many names.", nameof(names));
        }
        _names = new byte[names.Length][];
        _strings = [.. names];
        _members = new byte[names.Length][];
        _successors = new sbyte[names.Length + 1];
        _successors[^1] = -1;
        for (var i = 0; i < names.Length; i++)
        {
            _names[i] = Encoding.ASCII.GetBytes(names[i]);
            _members[i] = Encoding.ASCII.GetBytes("\"" + names[i] + "\":");
            _successors[i] = (sbyte)i;
            if (_names[i].Length < MinLength || !Ascii.IsValid(names[i]) || names[i].Contains('"', StringComparison.Ordinal) || names[i].Contains('\\', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{names[i]}' is not a name of at least {MinLength} ASCII characters.", nameof(names));
            }
        }
        // Odd multipliers of a fixed sequence: deterministic, so the table is the same on every run.
        var candidate = 0x9E3779B97F4A7C15;
        for (var attempt = 0; attempt < 100_000; attempt++, candidate += 0x2545F4914F6CDD1E)
        {
            if (TryFill(candidate | 1))
            {
                _multiplier = candidate | 1;
                return;
            }
        }
        throw new ArgumentException("No collision-free table for these names.", nameof(names));
    }

    /// <summary>
    /// The name that followed <paramref name="previous"/> the last time (declaration order until told otherwise by
    /// <see cref="Learn"/>), or -1: a guess the caller checks against the bytes (<see cref="Member"/>).
    /// </summary>
    /// <param name="previous">The previous name's field number, or -1 at the start of an object.</param>
    public int Guess(int previous) => (uint)(previous + 1) < (uint)_successors.Length ? _successors[previous + 1] : -1;

    /// <summary>Remembers that <paramref name="field"/> followed <paramref name="previous"/> (-1: it came first).</summary>
    public void Learn(int previous, int field)
    {
        if ((uint)(previous + 1) < (uint)_successors.Length && (uint)field < (uint)_names.Length)
        {
            _successors[previous + 1] = (sbyte)field;
        }
    }

    /// <summary>Name <paramref name="field"/>.</summary>
    public string Name(int field) => _strings[field];

    /// <summary>Name <paramref name="field"/> in UTF-8.</summary>
    public ReadOnlySpan<byte> Utf8(int field) => _names[field];

    /// <summary>Name <paramref name="field"/> as a member starts in the compact form: <c>"Name":</c>.</summary>
    public ReadOnlySpan<byte> Member(int field) => _members[field];

    /// <summary>The field number of <paramref name="utf8"/>, or -1 when it is none of the names.</summary>
    public int Find(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length < MinLength)
        {
            return -1;
        }
        var index = _slots[Slot(utf8, _multiplier)];
        return index >= 0 && utf8.SequenceEqual(_names[index]) ? index : -1;
    }

    private bool TryFill(ulong multiplier)
    {
        _slots.AsSpan().Fill(-1);
        for (var i = 0; i < _names.Length; i++)
        {
            ref var slot = ref _slots[Slot(_names[i], multiplier)];
            if (slot >= 0)
            {
                if (Key(_names[i]) == Key(_names[slot]))
                {
                    throw new ArgumentException($"'{Encoding.ASCII.GetString(_names[i])}' and '{Encoding.ASCII.GetString(_names[slot])}' share their length and ends.");
                }
                return false;
            }
            slot = (sbyte)i;
        }
        return true;
    }

    private static int Slot(ReadOnlySpan<byte> utf8, ulong multiplier) => (int)((Key(utf8) * multiplier) >> (64 - Bits));

    // Length and both ends: enough to tell apart every name of one protocol record (MDEntryDate / MDEntryTime / MDEntryType
    // differ in their last four bytes, MDEntryBuyerID / MDEntrySellerID in their length).
    private static ulong Key(ReadOnlySpan<byte> utf8)
        => ((ulong)BinaryPrimitives.ReadUInt32LittleEndian(utf8) << 32 | BinaryPrimitives.ReadUInt32LittleEndian(utf8[^4..])) ^ ((ulong)utf8.Length << 56);
}
