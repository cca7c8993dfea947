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
    /// the runtime it ships, so nothing is hooked there.
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

        private static Assembly? ResolveFromModuleFolder(object? sender, ResolveEventArgs args)
        {
            string name = new AssemblyName(args.Name).Name ?? "";
            string candidate = Path.Combine(ModuleFolder, name + ".dll");
            return File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        }
    }
}
