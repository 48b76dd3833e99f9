using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlinkTrade.Client.Generators;

/// <summary>
/// The column tables <see cref="ProtocolRecordGenerator"/> writes: it implements each
/// <c>static partial RecordColumns&lt;TRow&gt; X { get; }</c> property (<c>RecordColumnTables</c>) with the table of
/// <c>TRow</c>'s serialized members: one typed getter per member, in the order System.Text.Json's source generator lists
/// them in the metadata (the record's own properties in declaration order, then each base type's, a stable sort by
/// <c>[JsonPropertyOrder]</c>; <c>[JsonIgnore]</c> and <c>[JsonExtensionData]</c> left out; an override counted where
/// its base declares it).
/// </summary>
/// <remarks>
/// The table is checked against the metadata at run time (<c>RecordColumns.IsValid</c>: a record this order does not
/// describe is written by the serializer as before) and the tests compare its output with the serializer's.
/// The table lives in a nested class so it is built on first use, whatever order the compiler gives the static
/// initializers of the partial class's parts.
/// </remarks>
internal static class RecordColumnsSource
{
    private const string Serialization = "BlinkTrade.Client.Protocol.Serialization";
    private const string Json = "System.Text.Json.Serialization.";

    /// <summary>The files: one per partial <c>RecordColumns&lt;TRow&gt;</c> property.</summary>
    /// <param name="syntax">The generator's syntax provider.</param>
    /// <returns>The files, by hint name.</returns>
    public static IncrementalValuesProvider<(string HintName, string Text)?> Files(SyntaxValueProvider syntax) =>
        syntax.CreateSyntaxProvider(
            static (node, _) => node is PropertyDeclarationSyntax property
                && property.Modifiers.Any(SyntaxKind.PartialKeyword)
                && property.Modifiers.Any(SyntaxKind.StaticKeyword)
                && property.ExpressionBody is null
                && property.AccessorList?.Accessors.All(a => a.Body is null && a.ExpressionBody is null) == true,
            static (context, token) => context.SemanticModel.GetDeclaredSymbol(context.Node, token) is IPropertySymbol property
                && property.Type is INamedTypeSymbol { TypeArguments.Length: 1 } table
                && table.TypeArguments[0] is INamedTypeSymbol row
                && table.OriginalDefinition.ToDisplayString(SymbolFormats.MetadataName) == Serialization + ".RecordColumns"
                    ? Generate(property, row)
                    : null);

    private static (string HintName, string Text)? Generate(IPropertySymbol property, INamedTypeSymbol row)
    {
        var owner = property.ContainingType;
        var rowName = row.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var table = property.Name + "Table";
        var file = new GeneratedSource(nameof(ProtocolRecordGenerator),
            "the typed getters of a row record's serialized members, in the metadata's order.");
        file.Line("namespace " + owner.ContainingNamespace.ToDisplayString() + ";");
        file.Line();
        file.Line("partial class " + owner.Name);
        file.Line("{");
        file.Line("    " + SyntaxFacts.GetText(property.DeclaredAccessibility) + " static partial global::" + Serialization + ".RecordColumns<"
            + rowName + "> " + property.Name + " => " + table + ".Value;");
        file.Line();
        file.Line("    private static class " + table);
        file.Line("    {");
        file.Line("        internal static readonly global::" + Serialization + ".RecordColumns<" + rowName + "> Value = new global::"
            + Serialization + ".RecordColumns<" + rowName + ">(global::" + Serialization + ".ProtocolJsonContext.Default." + row.Name + ")");
        var members = Serialized(row);
        for (var i = 0; i < members.Count; i++)
        {
            file.Line("            .Add(static r => r." + members[i] + ")" + (i == members.Count - 1 ? ";" : ""));
        }
        file.Line("    }");
        file.Line("}");
        return (owner.Name + "." + property.Name + ".Columns.g.cs", file.ToString());
    }

    /// <summary>The names of the members the serializer's metadata lists for <paramref name="row"/>, in its order.</summary>
    private static List<string> Serialized(INamedTypeSymbol row)
    {
        var seen = new HashSet<string>();
        var members = new List<(string Name, int Order)>();
        for (var current = row; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.IsOverride
                    || property.DeclaredAccessibility != Accessibility.Public
                    || property.GetMethod is not { DeclaredAccessibility: Accessibility.Public }
                    || !seen.Add(property.Name)
                    || Attribute(property, "JsonExtensionDataAttribute") is not null
                    || IsIgnored(property))
                {
                    continue;
                }
                var order = Attribute(property, "JsonPropertyOrderAttribute")?.ConstructorArguments[0].Value as int? ?? 0;
                members.Add((property.Name, order));
            }
        }
        // OrderBy is a stable sort, as the serializer's.
        return [.. members.OrderBy(m => m.Order).Select(m => m.Name)];
    }

    // [JsonIgnore] without a condition, or with JsonIgnoreCondition.Always (1): the metadata leaves the member out.
    private static bool IsIgnored(IPropertySymbol property) =>
        Attribute(property, "JsonIgnoreAttribute") is { } ignore
        && !ignore.NamedArguments.Any(a => a.Key == "Condition" && a.Value.Value is int condition && condition != 1);

    private static AttributeData? Attribute(IPropertySymbol property, string name) =>
        property.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString(SymbolFormats.MetadataName) == Json + name);
}
