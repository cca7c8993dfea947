using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Xunit;

// Tests share process-wide state (environment variables, the engine's module cache): run them one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace TencentOrg.Tests.Infrastructure
{
    internal static class TestSetup
    {
        [ModuleInitializer]
        internal static void Initialize()
        {
            // PowerShell.Invoke blocks a pool thread; on 2 cores the default minimum starves the pool.
            ThreadPool.SetMinThreads(32, 32);
            Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
            Environment.SetEnvironmentVariable("POWERSHELL_UPDATECHECK", "Off");
            string cache = Path.Combine(AppContext.BaseDirectory, ".pscache");
            System.IO.Directory.CreateDirectory(cache);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", cache);
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", cache);
            CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
            CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        }

        /// <summary>The repository root: the folder holding TencentOrg.psd1.</summary>
        public static string RepoRoot { get; } = FindRepoRoot();

        /// <summary>
        /// The module built in this test assembly's own configuration: out/TencentOrg for Release,
        /// out/&lt;Configuration&gt;/TencentOrg otherwise (Directory.Build.targets writes the path in).
        /// </summary>
        public static string ModuleManifest { get; } = Path.GetFullPath(typeof(TestSetup).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TencentOrg.ModuleManifest").Value!);

        /// <summary>The folder of <see cref="ModuleManifest"/>.</summary>
        public static string ModuleDir => Path.GetDirectoryName(ModuleManifest)!;

        private static string FindRepoRoot()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "TencentOrg.psd1"))) dir = dir.Parent;
            return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
        }
    }
}
