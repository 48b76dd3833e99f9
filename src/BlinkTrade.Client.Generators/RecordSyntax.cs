using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlinkTrade.Client.Generators;

/// <summary>Which declarations the generators complete: partial records, whose other part the generator writes.</summary>
internal static class RecordSyntax
{
    /// <summary>Whether <paramref name="node"/> declares a partial record of the kind asked for (the syntax-only test, before any symbol).</summary>
    /// <param name="node">The node.</param>
    /// <param name="structRecord"><see langword="true"/> for a <c>record struct</c>, <see langword="false"/> for a record class.</param>
    /// <returns><see langword="true"/> when it does.</returns>
    public static bool IsPartialRecord(SyntaxNode node, bool structRecord) =>
        node is RecordDeclarationSyntax record
        && record.ClassOrStructKeyword.IsKind(SyntaxKind.StructKeyword) == structRecord
        && record.Modifiers.Any(SyntaxKind.PartialKeyword);

    /// <summary>
    /// Every partial record struct that names its converter (<c>[JsonConverter(typeof(…))]</c>): the wire enumerations
    /// (<see cref="WireEnumGenerator"/>) and the fixed-point values (<see cref="FixedPointGenerator"/>) both do, and each
    /// generator keeps those that implement its interface.
    /// </summary>
    /// <param name="provider">The generator's syntax provider.</param>
    /// <returns>The types.</returns>
    public static IncrementalValuesProvider<INamedTypeSymbol> ConvertedRecordStructs(SyntaxValueProvider provider) =>
        provider.ForAttributeWithMetadataName(
            "System.Text.Json.Serialization.JsonConverterAttribute",
            static (node, _) => IsPartialRecord(node, structRecord: true),
            static (context, _) => (INamedTypeSymbol)context.TargetSymbol);
}
