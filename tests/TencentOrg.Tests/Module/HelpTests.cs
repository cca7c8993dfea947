using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>docs/*.md (platyPS markdown) -> out/TencentOrg/TencentOrg.dll-Help.xml -> Get-Help.</summary>
    public class HelpTests : CmdletTestBase
    {
        private static readonly string Docs = Path.Combine(TestSetup.RepoRoot, "docs");

        public static IEnumerable<object[]> CommandDocs() =>
            System.IO.Directory.GetFiles(Docs, "*-*.md").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(o => (string)o[0]);

        private static List<string> PowerShellBlocks(string markdown) =>
            Regex.Matches(markdown, "```powershell\\r?\\n(.*?)\\r?\\n```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

        [Fact]
        public void Every_exported_cmdlet_has_a_doc_in_platyPS_form()
        {
            var exported = Run("(Get-Module TencentOrg).ExportedCmdlets.Keys").AssertSuccess().Output.Select(o => (string)o.BaseObject).ToList();
            Assert.Contains("New-TcRoleAssignment", exported);
            Assert.True(File.Exists(Path.Combine(Docs, "about_TencentOrg.md")));
            foreach (var name in exported)
            {
                string path = Path.Combine(Docs, name + ".md");
                Assert.True(File.Exists(path), "missing " + path);
                string md = File.ReadAllText(path);
                Assert.StartsWith("---\nexternal help file: TencentOrg.dll-Help.xml\n", md.Replace("\r\n", "\n"));
                foreach (var heading in new[] { "## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "### Example 1: ", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## NOTES", "## RELATED LINKS" })
                    Assert.Contains("\n" + heading, md);
                Assert.True(PowerShellBlocks(md).Count >= 2, name + " needs two runnable examples");
                // Every parameter the cmdlet declares is documented with its yaml block.
                var parameters = Run("(Get-Command " + name + ").Parameters.Keys").Output.Select(o => (string)o.BaseObject)
                    .Except(System.Management.Automation.Cmdlet.CommonParameters).Except(System.Management.Automation.Cmdlet.OptionalCommonParameters);
                foreach (var parameter in parameters)
                    Assert.Matches("\n### -" + parameter + "\n[^#]*```yaml\nType: ", md);
            }
        }

        [Fact]
        public void Get_Help_Full_shows_synopsis_description_parameters_and_examples()
        {
            // The host is 80 columns wide and help wraps mid-word: join the wrapped lines back up.
            var text = Regex.Replace(Run("Get-Help New-TcRoleAssignment -Full | Out-Default").AssertSuccess().HostText, "\n +", "");
            Assert.Contains("Assigns CIC permission configurations to users or groups on member accounts.", text);
            Assert.Contains("The New-TcRoleAssignment cmdlet calls CreateRoleAssignment", text);
            foreach (var parameter in new[] { "ZoneId", "RoleConfigurationId", "TargetType", "TargetUin", "PrincipalType", "PrincipalId", "InputObject", "Wait", "TimeoutSec", "SkipExisting", "WhatIf", "Confirm" })
                Assert.Contains("-" + parameter, text);
            Assert.Contains("Example 1: Assign a group to three accounts and wait", text);
            Assert.Contains("-PrincipalId g-emugroup0001 -TargetUin 100000000001,100000000002,100000000003 -Wait", text);
            Assert.Contains("TencentOrg.RoleTask", text);
            Assert.Contains("Accept pipeline input?       True (ByPropertyName)", text);
            Assert.Contains("Accept pipeline input?       True (ByValue)", text);
        }

        [Fact]
        public void Get_Help_objects_carry_every_command_synopsis_and_examples()
        {
            foreach (var name in CommandDocs().Select(o => (string)o[0]))
            {
                var help = Assert.Single(Run("Get-Help " + name + " -Full").AssertSuccess().Output);
                Assert.False(string.IsNullOrWhiteSpace((string)help.Properties["Synopsis"].Value), name);
                Assert.DoesNotContain(name + " [", (string)help.Properties["Synopsis"].Value); // a generated syntax line means the MAML was not found
                var examples = Run("(Get-Help " + name + " -Examples).examples.example.Count").AssertSuccess().Output.Single().BaseObject;
                Assert.True((int)examples >= 2, name);
            }
        }

        [Theory]
        [MemberData(nameof(CommandDocs))]
        public void Doc_examples_run_against_the_emulator(string name)
        {
            var blocks = PowerShellBlocks(File.ReadAllText(Path.Combine(Docs, name + ".md")));
            foreach (var block in blocks)
            {
                // The one documented substitution: the emulator's address.
                string script = block.Replace("http://127.0.0.1:8080/", Emulator.Endpoint.ToString());
                Run("Connect-TcOrg -Endpoint $endpoint -SecretId $secretId -SecretKey $secretKey -RequestsPerSecond 1000").AssertSuccess();
                var result = Run(script);
                if (result.Terminating != null || result.Errors.Count > 0)
                    throw new Xunit.Sdk.XunitException(name + " example failed:\n" + block + "\n" + result.AllText());
            }
        }

        [Fact]
        public void About_topic_example_runs()
        {
            var block = Assert.Single(PowerShellBlocks(File.ReadAllText(Path.Combine(Docs, "about_TencentOrg.md"))));
            var result = Run(block.Replace("http://127.0.0.1:8080/", Emulator.Endpoint.ToString())).AssertSuccess();
            Assert.Equal("Success", Prop(Assert.Single(result.Output), "Status"));
        }
    }
}

namespace TencentOrg.Tests.Module
{
    public class AboutTopicTests
    {
        [Fact]
        public void Get_Help_about_TencentOrg_finds_the_topic_in_the_module_folder()
        {
            using var ps = new PsRunner();
            var help = ps.Run("Get-Help about_TencentOrg").AssertSuccess();
            string text = string.Join("\n", help.Output.Select(o => o.ToString()));
            Assert.Contains("Connect-TcOrg", text);
            Assert.Contains("New-TcRoleAssignment", text);
        }
    }
}
