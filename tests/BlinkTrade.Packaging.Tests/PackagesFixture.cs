using System.Diagnostics;
using System.Globalization;

namespace BlinkTrade.Packaging.Tests;

/// <summary>
/// Packs BlinkTrade.Client, BlinkTrade.ApiKeys and BlinkTrade.Testing, and the BlinkTrade.ReferenceExchange .NET tool,
/// once (a unique prerelease version) into a temporary feed outside the repository. Build output goes to a temporary artifacts path, so the repository's own
/// bin/ and obj/ folders are not touched while other test projects run.
/// </summary>
public sealed class PackagesFixture : IAsyncLifetime
{
    /// <summary>The libraries (under src/), which a consumer project references.</summary>
    public static readonly string[] PackageIds = ["BlinkTrade.Client", "BlinkTrade.ApiKeys", "BlinkTrade.Testing"];

    /// <summary>The standalone reference exchange, packed as a .NET tool (under samples/).</summary>
    public const string ToolPackageId = "BlinkTrade.ReferenceExchange";

    /// <summary>Every package in the feed.</summary>
    public static IEnumerable<string> AllPackageIds => PackageIds.Append(ToolPackageId);

    /// <summary>The project of a package, relative to the repository root.</summary>
    /// <param name="id">A package id from <see cref="AllPackageIds"/>.</param>
    /// <returns>The project's folder.</returns>
    public static string ProjectFolder(string id) => Path.Combine(id == ToolPackageId ? "samples" : "src", id);

    public string RepositoryRoot { get; } = FindRepositoryRoot();

    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "blinktrade-packaging-" + Guid.NewGuid().ToString("N")[..12]);

    public string Feed => Path.Combine(WorkDirectory, "feed");

    public string Version { get; } = "0.1.0-ci." + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "." + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);

    public TimeSpan PackTime { get; private set; }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Feed);
        var clock = Stopwatch.StartNew();
        foreach (var id in AllPackageIds)
        {
            await DotNet.RunAsync(RepositoryRoot,
            [
                "pack", Path.Combine(ProjectFolder(id), id + ".csproj"), "-c", "Release",
                "-o", Feed, "--artifacts-path", Path.Combine(WorkDirectory, "artifacts"),
                "-p:Version=" + Version, "-p:NuGetAudit=false", "-nodeReuse:false",
            ]);
        }
        PackTime = clock.Elapsed;
    }

    public Task DisposeAsync()
    {
        TryDelete(WorkDirectory);
        // The consumer's restore and the tool install extracted our throw-away version into the machine's package
        // cache: remove it again.
        foreach (var id in AllPackageIds)
        {
            var idFolder = Path.Combine(GlobalPackagesFolder, id.ToLowerInvariant());
            TryDelete(Path.Combine(idFolder, Version.ToLowerInvariant()));
            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
            {
                TryDelete(idFolder);
            }
        }
        return Task.CompletedTask;
    }

    public static string GlobalPackagesFolder =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // best effort: a temp directory left behind must not fail the run
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BlinkTrade.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("BlinkTrade.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Every packaging test shares one pack (it is the slow part).</summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "packages";
}
