using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Emulator;

namespace TencentOrg.Demo
{
    /// <summary>
    /// Runs an admin script (default examples/onboard.ps1) against the embedded emulator, in the real
    /// PowerShell 7.6 engine, with out/TencentOrg imported by its manifest. No pwsh and no cloud account needed.
    /// Usage: dotnet run --project src/TencentOrg.Demo [-- --script path.ps1] [--members N]
    /// </summary>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            // Same engine pitfalls as the tests: a starved pool on 2 cores, telemetry and caches under HOME.
            ThreadPool.SetMinThreads(32, 32);
            Environment.SetEnvironmentVariable("POWERSHELL_TELEMETRY_OPTOUT", "1");
            string root = FindRepoRoot();
            string cache = Path.Combine(root, "out", ".pscache");
            Directory.CreateDirectory(cache);
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", cache);
            Environment.SetEnvironmentVariable("XDG_DATA_HOME", cache);
            Environment.SetEnvironmentVariable("XDG_CONFIG_HOME", cache);

            string script = Path.Combine(root, "examples", "onboard.ps1");
            int members = 50;
            for (int i = 0; i < args.Length - 1; i++)
            {
                if (args[i] == "--script") script = Path.GetFullPath(args[i + 1]);
                if (args[i] == "--members") members = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            }

            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { GeneratedMemberCount = members });
            Console.WriteLine("Tencent Organization API emulator listening on " + emulator.Endpoint);
            Console.WriteLine("Running " + Path.GetRelativePath(root, script) + " with " + Path.GetRelativePath(root, Path.GetDirectoryName(ModuleManifest)!) + " imported in PowerShell " + typeof(PowerShell).Assembly.GetName().Version);
            Console.WriteLine();

            var host = new ConsoleHost();
            using var runspace = RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
            runspace.Open();
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript("Import-Module $args[0] -ErrorAction Stop; & $args[1] -Endpoint $args[2] -SecretId $args[3] -SecretKey $args[4] | Out-Default")
                .AddArgument(ModuleManifest)
                .AddArgument(script)
                .AddArgument(emulator.Endpoint)
                .AddArgument(EmulatorCredential.Demo.SecretId)
                .AddArgument(Secure(EmulatorCredential.Demo.SecretKey));
            ps.AddCommand("Out-Default");
            try
            {
                ps.Invoke();
            }
            catch (RuntimeException ex)
            {
                Console.Error.WriteLine("The script stopped: " + ex.Message);
                return 1;
            }
            foreach (var error in ps.Streams.Error) Console.Error.WriteLine("ERROR: " + error);

            var requests = emulator.Requests.Snapshot();
            Console.WriteLine();
            Console.WriteLine("The emulator received " + requests.Count + " signed request(s): "
                + string.Join(", ", requests.GroupBy(r => r.Action).Select(g => g.Key + " x" + g.Count())));
            return ps.Streams.Error.Count == 0 ? 0 : 1;
        }

        /// <summary>out/TencentOrg for a Release build of the demo, out/&lt;Configuration&gt;/TencentOrg otherwise (Directory.Build.targets).</summary>
        private static string ModuleManifest => Path.GetFullPath(typeof(Program).Assembly
            .GetCustomAttributes(typeof(System.Reflection.AssemblyMetadataAttribute), false)
            .Cast<System.Reflection.AssemblyMetadataAttribute>()
            .Single(a => a.Key == "TencentOrg.ModuleManifest").Value!);

        private static SecureString Secure(string value)
        {
            var secure = new SecureString();
            foreach (char c in value) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        private static string FindRepoRoot()
        {
            foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            {
                for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                    if (File.Exists(Path.Combine(dir.FullName, "TencentOrg.psd1"))) return dir.FullName;
            }
            throw new InvalidOperationException("Run the demo from inside the TencentOrg repository.");
        }
    }
}
