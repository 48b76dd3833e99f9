using Xunit.Abstractions;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace BlinkTrade.Packaging.Tests;

/// <summary>What nuget.org and a consumer see: complete metadata, XML docs, symbols and a working package graph.</summary>
[Collection(PackagesCollection.Name)]
public sealed partial class PackageTests(PackagesFixture packages, ITestOutputHelper output)
{
    public static TheoryData<string> Ids => new(PackagesFixture.PackageIds);

    public static TheoryData<string> AllIds => new(PackagesFixture.AllPackageIds);

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_package_has_complete_metadata_docs_and_symbols(string id)
    {
        var nupkg = Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg");
        var snupkg = Path.ChangeExtension(nupkg, ".snupkg");
        Assert.True(File.Exists(nupkg), nupkg + " missing");
        Assert.True(File.Exists(snupkg), snupkg + " missing");

        using var archive = ZipFile.OpenRead(nupkg);
        var entries = archive.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
        var metadata = Metadata(archive);
        string? Value(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        XElement? Element(string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

        Assert.Equal(id, Value("id"));
        Assert.Equal(packages.Version, Value("version"));
        Assert.False(string.IsNullOrWhiteSpace(Value("description")));
        Assert.False(string.IsNullOrWhiteSpace(Value("authors")));
        var license = Element("license");
        Assert.NotNull(license);
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        var repository = Element("repository");
        Assert.NotNull(repository);
        Assert.StartsWith("https://github.com/", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        // SourceLink: the commit the package was built from (a git checkout is needed to pack).
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        var readme = Value("readme");
        Assert.False(string.IsNullOrEmpty(readme));
        Assert.Contains(readme, entries);

        Assert.Contains($"lib/net10.0/{id}.dll", entries);
        Assert.Contains($"lib/net10.0/{id}.xml", entries); // the XML docs IntelliSense shows

        using var symbols = ZipFile.OpenRead(snupkg);
        Assert.Contains(symbols.Entries, e => e.FullName == $"lib/net10.0/{id}.pdb");
        output.WriteLine($"{id} {packages.Version}: {entries.Count} files; packing the feed took {packages.PackTime.TotalSeconds:F1} s");
    }

    [Theory]
    [MemberData(nameof(AllIds))]
    public void The_package_page_shows_the_package_s_own_readme_with_absolute_links_to_the_project(string id)
    {
        using var archive = ZipFile.OpenRead(Path.Combine(packages.Feed, $"{id}.{packages.Version}.nupkg"));
        var metadata = Metadata(archive);
        var readmePath = metadata.Elements().Single(e => e.Name.LocalName == "readme").Value;
        var projectUrl = metadata.Elements().Single(e => e.Name.LocalName == "projectUrl").Value;
        string packed;
        using (var reader = new StreamReader(archive.GetEntry(readmePath)!.Open()))
        {
            packed = reader.ReadToEnd().ReplaceLineEndings("\n");
        }

        var own = File.ReadAllText(Path.Combine(packages.RepositoryRoot, PackagesFixture.ProjectFolder(id), "README.md")).ReplaceLineEndings("\n");
        Assert.Equal(own, packed);
        Assert.StartsWith($"# {id}", packed, StringComparison.Ordinal);      // not the repository's README
        Assert.StartsWith("https://", projectUrl, StringComparison.Ordinal);
        Assert.Contains(projectUrl, packed, StringComparison.Ordinal);       // the way to the repository's docs
        var links = MarkdownLink().Matches(packed).Select(m => m.Groups["target"].Value).ToList();
        Assert.All(links, target => Assert.StartsWith("https://", target, StringComparison.Ordinal)); // relative links are dead on nuget.org
        output.WriteLine($"{id}: {packed.Length} characters, {links.Count} links, project {projectUrl}");
    }

    [Fact]
    public void Package_dependencies_between_the_libraries_use_the_same_version()
    {
        using var archive = ZipFile.OpenRead(Path.Combine(packages.Feed, $"BlinkTrade.Testing.{packages.Version}.nupkg"));
        using var stream = archive.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open();
        var dependencies = XDocument.Load(stream).Descendants().Where(e => e.Name.LocalName == "dependency").ToList();
        foreach (var id in new[] { "BlinkTrade.Client", "BlinkTrade.ApiKeys" })
        {
            var dependency = Assert.Single(dependencies, d => d.Attribute("id")?.Value == id);
            Assert.Equal(packages.Version, dependency.Attribute("version")?.Value);
        }
    }

    private static XElement Metadata(ZipArchive archive)
    {
        var nuspec = Assert.Single(archive.Entries, e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
        using var stream = nuspec.Open();
        return XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    // [text](target) and ![alt](target); the target ends at whitespace or the closing parenthesis.
    [GeneratedRegex(@"\]\((?<target>[^)\s]+)")]
    private static partial Regex MarkdownLink();
}
