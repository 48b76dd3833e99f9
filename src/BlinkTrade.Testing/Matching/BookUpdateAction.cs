namespace BlinkTrade.Testing.Matching;

/// <summary>Market-data book change. The numeric values equal the wire codes of <c>MDUpdateAction</c>.</summary>
internal enum BookUpdateAction : byte
{
    /// <summary>New (<c>"0"</c>): insert the order at <c>Position</c> (1-based).</summary>
    New = 0,

    /// <summary>Change (<c>"1"</c>): replace the order at <c>Position</c> (its leaves quantity changed).</summary>
    Update = 1,

    /// <summary>Delete (<c>"2"</c>): remove the order at <c>Position</c>.</summary>
    Delete = 2,

    /// <summary>Delete-thru (<c>"3"</c>): remove positions 1 … <c>Position</c>.</summary>
    DeleteThru = 3,
}
