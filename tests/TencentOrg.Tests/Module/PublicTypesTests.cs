using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// Issue 20 item 3: the public types of each shipped assembly are the ones users handle (cmdlets, output and input
    /// types, exceptions, enums), compared with the checked-in list Module/PublicTypes.txt. Read from the files in the
    /// module folder as metadata, without loading them.
    /// </summary>
    public class PublicTypesTests
    {
        private static readonly string[] Shipped = { "TencentOrg.dll", "TencentOrg.Core.dll" };
        private static string ListFile => Path.Combine(TestSetup.RepoRoot, "tests", "TencentOrg.Tests", "Module", "PublicTypes.txt");

        /// <summary>"TencentOrg.Core.dll: TencentOrg.OrgIdentity" for every type visible outside its assembly.</summary>
        internal static List<string> PublicTypes(string folder)
        {
            var all = new List<string>();
            foreach (var dll in Shipped)
            {
                using var pe = new PEReader(File.OpenRead(Path.Combine(folder, dll)));
                var md = pe.GetMetadataReader();
                foreach (var handle in md.TypeDefinitions)
                {
                    if (!IsVisible(md, handle)) continue;
                    all.Add(dll + ": " + FullName(md, handle));
                }
            }
            all.Sort(StringComparer.Ordinal);
            return all;
        }

        private static bool IsVisible(MetadataReader md, TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            var visibility = type.Attributes & TypeAttributes.VisibilityMask;
            if (visibility == TypeAttributes.Public) return true;
            if (visibility == TypeAttributes.NestedPublic) return IsVisible(md, type.GetDeclaringType());
            return false;
        }

        private static string FullName(MetadataReader md, TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            string name = md.GetString(type.Name);
            var outer = type.GetDeclaringType();
            if (!outer.IsNil) return FullName(md, outer) + "+" + name;
            string ns = md.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        [Fact]
        public void The_public_types_of_each_shipped_assembly_are_the_checked_in_list()
        {
            var actual = PublicTypes(TestSetup.ModuleDir);
            var expected = File.ReadAllLines(ListFile).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("#")).ToList();
            var added = actual.Except(expected, StringComparer.Ordinal).ToList();
            var removed = expected.Except(actual, StringComparer.Ordinal).ToList();
            if (added.Count == 0 && removed.Count == 0) return;

            if (Environment.GetEnvironmentVariable("TENCENTORG_UPDATE_PUBLIC_TYPES") == "1")
            {
                File.WriteAllLines(ListFile, File.ReadAllLines(ListFile).Where(l => l.StartsWith("#")).Concat(actual));
            }
            throw new Xunit.Sdk.XunitException(
                "The public types of the shipped assemblies differ from tests/TencentOrg.Tests/Module/PublicTypes.txt.\n"
                + (added.Count > 0 ? "Public now, not in the list (make it internal unless users handle it: a cmdlet, an output or input type, an exception, an enum):\n"
                    + string.Join("\n", added.Select(a => "+ " + a)) + "\n" : "")
                + (removed.Count > 0 ? "In the list, no longer public:\n" + string.Join("\n", removed.Select(r => "- " + r)) + "\n" : "")
                + "If the change is meant: add the + lines to (and delete the - lines from) the list, or run the test once with "
                + "TENCENTORG_UPDATE_PUBLIC_TYPES=1 to rewrite the list from the build, then review the diff of PublicTypes.txt.");
        }
    }
}
