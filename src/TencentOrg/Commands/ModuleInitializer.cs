using System;
using System.IO;
using System.Management.Automation;
using System.Reflection;

namespace TencentOrg
{
    /// <summary>
    /// On Windows PowerShell 5.1 (.NET Framework) there are no binding redirects for a module, so
    /// System.Text.Json 8 asking for, say, System.Memory 4.0.1.2 fails against 4.0.1.1. Resolve our own
    /// dependencies from the module folder, whatever version is asked. PowerShell 7 resolves them from
    /// the runtime it ships, so nothing is hooked there. The hook is process-wide, so it answers only for the
    /// module's own assemblies (loaded from this folder) asking for one of the module's own dependency names:
    /// another module asking for System.Text.Json gets its own copy, never ours.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string ModuleFolder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? "";

        private static bool IsDesktop => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.Ordinal);

        public void OnImport()
        {
            if (!IsDesktop) return;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveFromModuleFolder;
            // Windows PowerShell 5.1 may still default to TLS 1.0/1.1, which Tencent Cloud endpoints refuse.
            System.Net.ServicePointManager.SecurityProtocol |= System.Net.SecurityProtocolType.Tls12;
        }

        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsDesktop) AppDomain.CurrentDomain.AssemblyResolve -= ResolveFromModuleFolder;
        }

        /// <summary>The assemblies the module ships (out/TencentOrg): the module's own and its dependencies.</summary>
        internal static readonly string[] ModuleAssemblyNames =
        {
            "TencentOrg", "TencentOrg.Core",
            "System.Text.Json", "System.Text.Encodings.Web", "Microsoft.Bcl.AsyncInterfaces", "System.Memory", "System.Buffers",
            "System.Numerics.Vectors", "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions",
        };

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            var requester = args.RequestingAssembly;
            string? file = ModuleFileFor(args.Name, requester?.GetName().Name, requester == null || requester.IsDynamic ? null : requester.Location, ModuleFolder);
            return file != null && File.Exists(file) ? Assembly.LoadFrom(file) : null;
        }

        /// <summary>
        /// The file in <paramref name="moduleFolder"/> that answers a request for <paramref name="requestedName"/>, or null: only a
        /// name the module ships, and only when the requesting assembly is one of the module's, loaded from that folder.
        /// </summary>
        internal static string? ModuleFileFor(string requestedName, string? requesterName, string? requesterLocation, string moduleFolder)
        {
            if (string.IsNullOrEmpty(requesterName) || string.IsNullOrEmpty(requesterLocation) || string.IsNullOrEmpty(moduleFolder)) return null;
            string? name;
            try
            {
                name = new AssemblyName(requestedName).Name;
            }
            catch (Exception ex) when (ex is ArgumentException || ex is FileLoadException)
            {
                return null;
            }
            if (!IsModuleAssembly(name) || !IsModuleAssembly(requesterName)) return null;
            string? requesterFolder;
            try
            {
                requesterFolder = Path.GetDirectoryName(Path.GetFullPath(requesterLocation));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return null;
            }
            string folder = Path.GetFullPath(moduleFolder).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
            if (!string.Equals(requesterFolder?.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar), folder, StringComparison.OrdinalIgnoreCase)) return null;
            return Path.Combine(folder, name + ".dll");
        }

        private static bool IsModuleAssembly(string? name) =>
            name != null && Array.Exists(ModuleAssemblyNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
    }
}
