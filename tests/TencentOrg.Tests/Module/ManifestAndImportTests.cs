using System.IO;
using System.Linq;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>The assembled module folder imports by its manifest in a fresh engine, as a user would.</summary>
    public class ManifestAndImportTests
    {
        [Fact]
        public void Module_folder_has_manifest_dlls_and_formats_but_not_the_reference_engine()
        {
            string folder = Path.GetDirectoryName(TestSetup.ModuleManifest)!;
            Assert.True(File.Exists(Path.Combine(folder, "TencentOrg.psd1")));
            Assert.True(File.Exists(Path.Combine(folder, "TencentOrg.dll")));
            Assert.True(File.Exists(Path.Combine(folder, "TencentOrg.format.ps1xml")));
            Assert.True(File.Exists(Path.Combine(folder, "System.Text.Json.dll")));
            Assert.False(File.Exists(Path.Combine(folder, "System.Management.Automation.dll")));
            var stj = System.Reflection.AssemblyName.GetAssemblyName(Path.Combine(folder, "System.Text.Json.dll"));
            Assert.Equal(8, stj.Version!.Major);
        }

        [Fact]
        public void Imported_module_is_the_one_built_in_this_configuration()
        {
            // Issue 13 item 4: a Debug build must never overwrite out/TencentOrg, which holds Release only.
            string configuration = typeof(ManifestAndImportTests).Assembly
                .GetCustomAttributes(typeof(System.Reflection.AssemblyConfigurationAttribute), false)
                .Cast<System.Reflection.AssemblyConfigurationAttribute>().Single().Configuration;
            string expectedDir = configuration == "Release"
                ? Path.Combine(TestSetup.RepoRoot, "out", "TencentOrg")
                : Path.Combine(TestSetup.RepoRoot, "out", configuration, "TencentOrg");
            Assert.Equal(Path.GetFullPath(expectedDir), TestSetup.ModuleDir);

            using var ps = new PsRunner();
            var loaded = ps.Run("$m = Get-Module TencentOrg; $m.ModuleBase; $m.ImplementingAssembly.GetCustomAttributes([System.Reflection.AssemblyConfigurationAttribute], $false).Configuration")
                .AssertSuccess().Output.Select(o => o.ToString()).ToList();
            Assert.Equal(Path.GetFullPath(expectedDir), Path.GetFullPath(loaded[0]));
            Assert.Equal(configuration, loaded[1]);
        }

        [Fact]
        public void Test_ModuleManifest_passes_and_fields_are_explicit()
        {
            using var ps = new PsRunner(importModule: false);
            var result = ps.Run("Test-ModuleManifest -Path $path", new System.Collections.Generic.Dictionary<string, object?> { ["path"] = TestSetup.ModuleManifest }).AssertSuccess();
            var manifest = Assert.Single(result.Output);
            Assert.Equal("TencentOrg", manifest.Properties["Name"].Value);

            string text = File.ReadAllText(TestSetup.ModuleManifest);
            Assert.Contains("RootModule           = 'TencentOrg.dll'", text);
            Assert.Contains("CompatiblePSEditions = @('Desktop', 'Core')", text);
            Assert.Contains("PowerShellVersion    = '5.1'", text);
            Assert.Contains("FunctionsToExport    = @()", text);
            Assert.Contains("VariablesToExport    = @()", text);
            Assert.Contains("AliasesToExport      = @()", text);
            Assert.Contains("FormatsToProcess", text);
            Assert.Contains("ProjectUri", text);
            Assert.Contains("LicenseUri", text);
            Assert.DoesNotContain("'*'", text);
        }

        [Fact]
        public void Import_exports_exactly_the_manifest_cmdlets()
        {
            using var ps = new PsRunner();
            var commands = ps.Run("Get-Command -Module TencentOrg | ForEach-Object Name").AssertSuccess()
                .Output.Select(o => o.ToString()).OrderBy(n => n).ToList();
            string text = File.ReadAllText(TestSetup.ModuleManifest);
            var declared = System.Text.RegularExpressions.Regex.Matches(text, @"'([A-Z][a-z]+-Tc[A-Za-z]+)'").Select(m => m.Groups[1].Value).OrderBy(n => n).ToList();
            Assert.Equal(declared, commands);
            Assert.Contains("New-TcRoleAssignment", commands);
            Assert.Contains("Connect-TcOrg", commands);
        }

        [Fact]
        public void Every_cmdlet_declares_output_type_and_mutating_ones_support_whatif()
        {
            using var ps = new PsRunner();
            var rows = ps.Run("Get-Command -Module TencentOrg | ForEach-Object { '{0}|{1}|{2}' -f $_.Name, $_.ImplementingType.GetCustomAttributes([System.Management.Automation.OutputTypeAttribute], $false).Count, $_.Parameters.ContainsKey('WhatIf') }")
                .AssertSuccess().Output.Select(o => o.ToString().Split('|')).ToList();
            Assert.NotEmpty(rows);
            foreach (var row in rows)
            {
                Assert.True(int.Parse(row[1]) > 0, row[0] + " has no [OutputType]");
                bool mutating = row[0].StartsWith("New-") || row[0].StartsWith("Add-") || row[0].StartsWith("Remove-")
                    || row[0].StartsWith("Set-") || row[0].StartsWith("Start-") || row[0].StartsWith("Stop-");
                if (mutating) Assert.True(bool.Parse(row[2]), row[0] + " lacks -WhatIf");
            }
        }
    }
}
