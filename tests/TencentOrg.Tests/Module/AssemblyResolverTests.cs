using System;
using System.IO;
using System.Linq;
using System.Reflection;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// Issue 20 item 4: the Windows PowerShell 5.1 resolver (process-wide AssemblyResolve) answers only the module's own
    /// dependency names, and only when the requesting assembly is one of the module's, loaded from the module folder.
    /// </summary>
    public class AssemblyResolverTests
    {
        private static readonly string Folder = Path.Combine(Path.GetTempPath(), "Modules", "TencentOrg", "1.0.0");
        private static readonly string Elsewhere = Path.Combine(Path.GetTempPath(), "Modules", "OtherModule");

        /// <summary>The shipped TencentOrg.dll (the tests never reference it: they import it as users do).</summary>
        private static readonly Type Initializer = System.Reflection.Assembly.LoadFrom(Path.Combine(TestSetup.ModuleDir, "TencentOrg.dll"))
            .GetType("TencentOrg.ModuleInitializer", throwOnError: true)!;

        private static string? Resolve(string requested, string? requester, string? requesterFolder) =>
            (string?)Initializer.GetMethod("ModuleFileFor", BindingFlags.NonPublic | BindingFlags.Static)!
                .Invoke(null, new object?[] { requested, requester, requesterFolder == null ? null : Path.Combine(requesterFolder, requester + ".dll"), Folder });

        private static string[] ModuleAssemblyNames =>
            (string[])Initializer.GetField("ModuleAssemblyNames", BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;

        [Theory]
        [InlineData("System.Memory, Version=4.0.1.2, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "System.Text.Json", "System.Memory.dll")]
        [InlineData("System.Text.Json, Version=8.0.0.5, Culture=neutral, PublicKeyToken=cc7b13ffcd2ddd51", "TencentOrg.Core", "System.Text.Json.dll")]
        [InlineData("System.Runtime.CompilerServices.Unsafe, Version=6.0.0.0", "System.Memory", "System.Runtime.CompilerServices.Unsafe.dll")]
        [InlineData("TencentOrg.Core", "TencentOrg", "TencentOrg.Core.dll")]
        public void A_module_assembly_asking_for_a_module_dependency_gets_the_module_copy(string requested, string requester, string file)
        {
            Assert.Equal(Path.Combine(Folder, file), Resolve(requested, requester, Folder));
        }

        [Theory]
        // Another module's System.Text.Json (loaded from its own folder) must not get our System.Memory.
        [InlineData("System.Memory, Version=4.0.1.2", "System.Text.Json", "elsewhere")]
        // Another module asking for System.Text.Json gets nothing from us.
        [InlineData("System.Text.Json, Version=8.0.0.5", "OtherModule", "elsewhere")]
        // A foreign requester with a name like ours, even in our folder, is not ours.
        [InlineData("System.Text.Json, Version=8.0.0.5", "Newtonsoft.Json", "module")]
        // Our own assembly asking for a name the module does not ship (a file someone dropped into the folder).
        [InlineData("Evil.Library, Version=1.0.0.0", "TencentOrg", "module")]
        [InlineData("System.Management.Automation, Version=3.0.0.0", "TencentOrg", "module")]
        // Unknown requester (RequestingAssembly null).
        [InlineData("System.Memory, Version=4.0.1.2", null, null)]
        public void Anything_else_is_left_to_the_runtime(string requested, string? requester, string? where)
        {
            string? folder = where == "module" ? Folder : where == "elsewhere" ? Elsewhere : null;
            Assert.Null(Resolve(requested, requester, folder));
        }

        [Fact]
        public void The_name_list_is_exactly_the_assemblies_the_module_folder_ships()
        {
            var shipped = Directory.GetFiles(TestSetup.ModuleDir, "*.dll").Select(f => Path.GetFileNameWithoutExtension(f)!).OrderBy(n => n, StringComparer.OrdinalIgnoreCase);
            Assert.Equal(shipped, ModuleAssemblyNames.OrderBy(n => n, StringComparer.OrdinalIgnoreCase));
        }
    }
}
