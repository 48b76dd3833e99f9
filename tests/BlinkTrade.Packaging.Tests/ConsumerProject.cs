using System.Security;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// A brand-new console project outside the repository (so none of its Directory.*.props apply) that references the
/// three packages by version from the temporary feed — what a user gets from <c>dotnet new console</c> plus
/// <c>dotnet add package</c>.
/// </summary>
internal static class ConsumerProject
{
    /// <summary>Writes the project, its <c>Program.cs</c> and a nuget.config into <c>WorkDirectory/name</c>; returns the folder.</summary>
    /// <param name="packages">The feed.</param>
    /// <param name="name">The project's name.</param>
    /// <param name="program">The whole <c>Program.cs</c>.</param>
    /// <param name="otherPackages">Packages from nuget.org the program also uses, at the version the repository pins.</param>
    public static async Task<string> CreateAsync(PackagesFixture packages, string name, string program, params string[] otherPackages)
    {
        var project = Path.Combine(packages.WorkDirectory, name);
        Directory.CreateDirectory(project);
        var references = string.Join(Environment.NewLine, PackagesFixture.PackageIds.Select(id => (id, packages.Version))
            .Concat(otherPackages.Select(id => (id, PinnedVersion(packages, id))))
            .Select(p => $"""    <PackageReference Include="{p.id}" Version="{p.Item2}" />"""));
        await File.WriteAllTextAsync(Path.Combine(project, name + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- The audit queries a vulnerability feed: not this test's business, and it must work offline. -->
                <NuGetAudit>false</NuGetAudit>
              </PropertyGroup>
              <ItemGroup>
            {references}
              </ItemGroup>
            </Project>
            """);
        await File.WriteAllTextAsync(Path.Combine(project, "Program.cs"), program);
        await WriteNuGetConfigAsync(packages, project);
        return project;
    }

    /// <summary>Writes a nuget.config into <paramref name="folder"/>: the repository's source (nuget.org) plus the
    /// temporary feed. Source mapping sends BlinkTrade.* to the feed only; everything else resolves from the machine's
    /// package cache first (the versions the repo restored).</summary>
    public static Task WriteNuGetConfigAsync(PackagesFixture packages, string folder) =>
        File.WriteAllTextAsync(Path.Combine(folder, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{SecurityElement.Escape(packages.Feed)}" />
                <add key="nuget.org" value="{RepositoryNuGetOrgSource(packages)}" />
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local"><package pattern="BlinkTrade.*" /></packageSource>
                <packageSource key="nuget.org"><package pattern="*" /></packageSource>
              </packageSourceMapping>
            </configuration>
            """);

    /// <summary>Builds the project in Release with warnings as errors (throws with the output on failure).</summary>
    public static Task<DotNet.Result> BuildAsync(string project) => DotNet.RunAsync(project, ["build", "-c", "Release", "-nodeReuse:false"]);

    /// <summary>Runs the built program; the result carries its exit code and output.</summary>
    public static Task<DotNet.Result> RunAsync(string project) =>
        DotNet.RunAsync(project, [Path.Combine("bin", "Release", "net10.0", Path.GetFileName(project) + ".dll")], TimeSpan.FromMinutes(2), allowFailure: true);

    /// <summary>The version <c>Directory.Packages.props</c> pins for <paramref name="id"/> (restored already, so offline).</summary>
    private static string PinnedVersion(PackagesFixture packages, string id)
    {
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(packages.RepositoryRoot, "Directory.Packages.props"));
        return props.Descendants("PackageVersion").Single(e => e.Attribute("Include")?.Value == id).Attribute("Version")!.Value;
    }

    /// <summary>The nuget.org source URL of the repository's nuget.config (so the consumer uses the same registry).</summary>
    private static string RepositoryNuGetOrgSource(PackagesFixture packages)
    {
        var config = System.Xml.Linq.XDocument.Load(Path.Combine(packages.RepositoryRoot, "nuget.config"));
        return config.Descendants("add").Single(e => e.Attribute("key")?.Value == "nuget.org").Attribute("value")!.Value;
    }
}
