using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace BlinkTrade.Client.Generators;

/// <summary>
/// Writes what the protocol's records (<c>partial record X : ProtocolRecord</c>, messages and rows) share:
/// <list type="bullet">
/// <item><c>MsgType</c> from <c>[MessageType(MessageTypes.X)]</c> on a message;</item>
/// <item>a paged message's <c>ReqIDMember</c> from <c>[CorrelationId]</c> on its correlation-id property;</item>
/// <item>an entity report's <c>IEntityReport.Shape</c> (its entity property and its <c>[CorrelationId]</c> property);</item>
/// <item><c>PrintMembers</c> where the compiler's would print wrongly: a record holding a collection (the compiler prints
/// its type name; this prints the contents through <c>RecordText.List</c>/<c>RecordText.Map</c>), or a paged message
/// (whose base already prints the correlation id). Every public property the record declares prints, in declaration
/// order, as the compiler's would; a record that declares its own <c>PrintMembers</c> keeps it.</item>
/// <item>the column table of a row record (<c>RecordColumnTables</c>), see <see cref="RecordColumnsSource"/>.</item>
/// </list>
/// </summary>
[Generator(LanguageNames.CSharp)]
internal sealed class ProtocolRecordGenerator : IIncrementalGenerator
{
    private const string Protocol = "BlinkTrade.Client.Protocol";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var files = context.SyntaxProvider.CreateSyntaxProvider(
            // Any part of a partial record: the dictionary's part (ProtocolRecords.g.cs) names the base type, a
            // hand-written part need not; the record is written once, for its first part.
            static (node, _) => RecordSyntax.IsPartialRecord(node, structRecord: false),
            static (context, token) => context.SemanticModel.GetDeclaredSymbol(context.Node, token) is INamedTypeSymbol type
                && type.DeclaringSyntaxReferences[0].GetSyntax(token) == context.Node
                && SymbolFormats.DerivesFrom(type, Protocol + ".ProtocolRecord")
                    ? Generate(type)
                    : null);

        GeneratedSource.Register(context, files);
        GeneratedSource.Register(context, RecordColumnsSource.Files(context.SyntaxProvider));
    }

    private static (string HintName, string Text)? Generate(INamedTypeSymbol type)
    {
        var paged = SymbolFormats.DerivesFrom(type, Protocol + ".PagedMessage");
        var messageType = type.GetAttributes().FirstOrDefault(a => IsProtocolAttribute(a, "MessageTypeAttribute"));
        var correlationId = type.GetMembers().OfType<IPropertySymbol>()
            .FirstOrDefault(p => p.GetAttributes().Any(a => IsProtocolAttribute(a, "CorrelationIdAttribute")));
        var printed = type.GetMembers().OfType<IPropertySymbol>()
            .Where(p => p.DeclaredAccessibility == Accessibility.Public && !p.IsStatic && !p.IsIndexer && !p.IsOverride
                && p.GetMethod is not null && !(paged && SymbolEqualityComparer.Default.Equals(p, correlationId)))
            .ToList();
        var entityReport = SymbolFormats.SelfTypedInterface(type, Protocol + ".Serialization.IEntityReport");
        var ownPrintMembers = type.GetMembers("PrintMembers").Any(m => !m.IsImplicitlyDeclared);
        var print = !ownPrintMembers && (paged || printed.Any(p => CollectionPrinter(p.Type) is not null));
        if (messageType is null && !(paged && correlationId is not null) && entityReport is null && !print)
        {
            return null;
        }

        var usings = new List<string> { "System.Text", "System.Text.Json.Serialization" };
        if (type.ContainingNamespace.ToDisplayString() != Protocol)
        {
            usings.Add(Protocol);
        }
        if (entityReport is not null)
        {
            usings.Add(Protocol + ".Serialization");
        }
        var file = new GeneratedSource(nameof(ProtocolRecordGenerator),
            "the MsgType, correlation id, entity-report shape and printing every protocol record writes the same way.", [.. usings]);
        file.Line("namespace " + type.ContainingNamespace.ToDisplayString() + ";");
        file.Line();
        file.Line("partial record " + type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat));
        file.Line("{");
        var first = true;
        void Member(params string[] lines)
        {
            if (!first)
            {
                file.Line();
            }
            first = false;
            file.Line("    /// <inheritdoc />");
            foreach (var line in lines)
            {
                file.Line("    " + line);
            }
        }
        if (messageType is not null)
        {
            var msgType = "public override string MsgType => " + MessageTypeExpression(messageType, type) + ";";
            // The order on BlinkTradeMessage.MsgType does not reach an override: a paged message puts it before Page.
            Member(paged ? ["[JsonPropertyOrder(HeaderOrder)]", msgType] : [msgType]);
        }
        if (paged && correlationId is not null)
        {
            Member("private protected override (string Name, object? Value) ReqIDMember => (nameof(" + correlationId.Name + "), "
                + correlationId.Name + ");");
        }
        if (entityReport is not null)
        {
            EntityReportShape(type, entityReport, correlationId, file, first);
            first = false;
        }
        if (print)
        {
            if (printed.Count == 0)
            {
                Member("protected override bool PrintMembers(StringBuilder builder) => base.PrintMembers(builder);");
            }
            else
            {
                var lines = new List<string> { "protected override bool PrintMembers(StringBuilder builder) => RecordText.Print(builder, base.PrintMembers(builder)," };
                for (var i = 0; i < printed.Count; i++)
                {
                    var name = printed[i].Name;
                    var value = CollectionPrinter(printed[i].Type) is { } printer ? "RecordText." + printer + "(" + name + ")" : name;
                    lines.Add("    (nameof(" + name + "), " + value + ")" + (i == printed.Count - 1 ? ");" : ","));
                }
                Member([.. lines]);
            }
        }
        file.Line("}");
        var hintName = type.ToDisplayString(SymbolFormats.MetadataName).Replace(Protocol + ".", "")
            + (type.Arity > 0 ? "_" + type.Arity : "") + ".Record.g.cs";
        return (hintName, file.ToString());
    }

    /// <summary>
    /// An entity report's <c>Shape</c> (<c>IEntityReport</c>): the entity property (the one of the entity's type, own or
    /// inherited) and the request id (the <c>[CorrelationId]</c> property, if any), read and rebuilt.
    /// </summary>
    private static void EntityReportShape(INamedTypeSymbol type, INamedTypeSymbol entityReport, IPropertySymbol? correlationId, GeneratedSource file, bool first)
    {
        var entityType = entityReport.TypeArguments[1];
        var entity = Properties(type).First(p => SymbolEqualityComparer.Default.Equals(p.Type, entityType)).Name;
        var shape = "EntityReportShape<" + type.Name + ", " + entityType.Name + ">";
        if (!first)
        {
            file.Line();
        }
        file.Line("    static " + shape + " IEntityReport<" + type.Name + ", " + entityType.Name + ">.Shape { get; } =");
        if (correlationId is null)
        {
            file.Line("        new(null, static m => m." + entity + ", static _ => null, static (entity, _) => new() { " + entity + " = entity });");
            return;
        }
        var id = correlationId.Name;
        var value = correlationId.Type.NullableAnnotation == NullableAnnotation.Annotated || correlationId.Type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
            ? "requestId"
            : "requestId ?? 0";
        file.Line("        new(nameof(" + id + "), static m => m." + entity + ", static m => m." + id + ",");
        file.Line("            static (entity, requestId) => new() { " + entity + " = entity, " + id + " = " + value + " });");
    }

    private static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
        {
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                yield return property;
            }
        }
    }

    private static bool IsProtocolAttribute(AttributeData attribute, string name) =>
        attribute.AttributeClass?.ToDisplayString(SymbolFormats.MetadataName) == Protocol + "." + name;

    /// <summary>The attribute's argument as the constant it names (<c>MessageTypes.X</c>), else as its value.</summary>
    private static string MessageTypeExpression(AttributeData attribute, INamedTypeSymbol type)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax() is AttributeSyntax { ArgumentList.Arguments: { Count: 1 } arguments }
            && arguments[0].Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var constant } access
            && attribute.ConstructorArguments[0].Value is string)
        {
            var owner = access.Expression.ToString();
            return owner.IndexOf('.') >= 0 || type.ContainingNamespace.ToDisplayString() == Protocol ? owner + "." + constant : Protocol + "." + owner + "." + constant;
        }
        return SymbolDisplay.FormatLiteral(attribute.ConstructorArguments[0].Value as string ?? "", quote: true);
    }

    /// <summary>
    /// <c>List</c> or <c>Map</c> for a collection the compiler would print by its type name; <see langword="null"/> for a
    /// string or a type that prints itself (overrides <see cref="object.ToString"/>, e.g. <c>PermissionList</c>).
    /// </summary>
    private static string? CollectionPrinter(ITypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_String || OverridesToString(type))
        {
            return null;
        }
        var interfaces = type.TypeKind == TypeKind.Interface && type is INamedTypeSymbol self
            ? type.AllInterfaces.Add(self)
            : type.AllInterfaces;
        if (interfaces.Any(i => i.OriginalDefinition.SpecialType == SpecialType.System_Collections_Generic_IEnumerable_T
            && i.TypeArguments[0] is INamedTypeSymbol { Name: "KeyValuePair" }))
        {
            return "Map";
        }
        return interfaces.Any(i => i.SpecialType == SpecialType.System_Collections_IEnumerable) ? "List" : null;
    }

    private static bool OverridesToString(ITypeSymbol type)
    {
        for (var current = type; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            if (current.TypeKind != TypeKind.Interface && current.GetMembers("ToString").Any(m => m.IsOverride))
            {
                return true;
            }
        }
        return false;
    }
}
