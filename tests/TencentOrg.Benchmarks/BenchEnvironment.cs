using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading;

namespace TencentOrg.Benchmarks
{
    /// <summary>Process setup for hosting the PowerShell engine (see docs/performance.md and the hosting notes).</summary>
    internal static class BenchEnvironment
    {
        public static void Initialize()
        {
            // PowerShell.Invoke blocks a pool thread; on 2 cores the default minimum starves the pool.
            ThreadPool.SetMinThreads(32, 32);
            Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
            Environment.SetEnvironmentVariable("POWERSHELL_UPDATECHECK", "Off");
            string cache = Path.Combine(AppContext.BaseDirectory, ".pscache");
            Directory.CreateDirectory(cache);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", cache);
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", cache);
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        }

        public static string RepoRoot { get; } = FindRepoRoot();

        /// <summary>out/TencentOrg/TencentOrg.psd1, or TENCENTORG_BENCH_MODULE (to compare an experimental copy of the module).</summary>
        public static string ModuleManifest =>
            Environment.GetEnvironmentVariable("TENCENTORG_BENCH_MODULE") is { Length: > 0 } other ? other : Path.Combine(RepoRoot, "out", "TencentOrg", "TencentOrg.psd1");

        /// <summary>The floor module, built by EmptyModule/EmptyModule.csproj (same configuration as this project).</summary>
        public static string EmptyModuleManifest
        {
            get
            {
                string bin = Path.Combine(RepoRoot, "tests", "TencentOrg.Benchmarks", "EmptyModule", "bin");
                string? found = Directory.Exists(bin)
                    ? Directory.EnumerateFiles(bin, "EmptyModule.psd1", SearchOption.AllDirectories)
                        .OrderByDescending(p => p.Contains("Release", StringComparison.Ordinal)).ThenByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
                    : null;
                return found ?? throw new InvalidOperationException("EmptyModule is not built: dotnet build -c Release tests/TencentOrg.Benchmarks");
            }
        }

        public static Runspace OpenRunspace()
        {
            var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
            runspace.Open();
            return runspace;
        }

        /// <summary>Runs a script; throws on a terminating error.</summary>
        public static PowerShell Invoke(Runspace runspace, string script, out System.Collections.ObjectModel.Collection<PSObject> output)
        {
            var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            output = ps.Invoke();
            return ps;
        }

        public static void ImportOrThrow(Runspace runspace, string manifest)
        {
            using var ps = Invoke(runspace, "Import-Module '" + manifest.Replace("'", "''") + "' -ErrorAction Stop", out _);
            if (ps.HadErrors) throw new InvalidOperationException("Import-Module failed: " + string.Join("; ", ps.Streams.Error));
        }

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TencentOrg.psd1"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }
}
