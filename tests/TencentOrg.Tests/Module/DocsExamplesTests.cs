using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>Every cmdlet doc has the platyPS shape and documents exactly the cmdlet's parameters; the examples of the cmdlets that find, change and undo also run in sequence in one session.</summary>
    public class DocsExamplesTests : CmdletTestBase
    {
        public static readonly string[] FindAndUndoCmdlets =
        {
            "Get-TcOrgIdentity", "Set-TcOrgIdentity", "Remove-TcOrgIdentity", "Get-TcOrgMemberAuthIdentity", "Remove-TcOrgMemberAuthIdentity",
            "Get-TcOrgMember", "Get-TcIdentityCenter", "Get-TcRoleConfiguration", "Get-TcOrgUser", "Get-TcOrgGroup", "Get-TcRoleAssignment",
            "Remove-TcRoleAssignment", "Get-TcRoleProvisioning", "Stop-TcRoleProvisioning",
        };

        private static readonly string[] CommonParameters =
        {
            "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
            "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable",
        };

        /// <summary>Every cmdlet doc (Module/HelpTests runs each doc's examples).</summary>
        public static IEnumerable<object[]> Cmdlets =>
            System.IO.Directory.GetFiles(Path.Combine(TestSetup.RepoRoot, "docs"), "*-*.md").Select(f => new object[] { Path.GetFileNameWithoutExtension(f) }).OrderBy(o => (string)o[0]);

        private static string Doc(string cmdlet) => File.ReadAllText(Path.Combine(TestSetup.RepoRoot, "docs", cmdlet + ".md"));

        internal static List<string> PowerShellBlocks(string markdown) =>
            Regex.Matches(markdown, "```powershell\\r?\\n(.*?)```", RegexOptions.Singleline).Select(m => m.Groups[1].Value).ToList();

        [Theory]
        [MemberData(nameof(Cmdlets))]
        public void Doc_has_the_platyPS_sections_and_documents_every_parameter(string cmdlet)
        {
            string doc = Doc(cmdlet);
            Assert.StartsWith("---\nexternal help file: TencentOrg.dll-Help.xml\n", doc.Replace("\r\n", "\n"));
            foreach (var section in new[] { "## SYNOPSIS", "## SYNTAX", "## DESCRIPTION", "## EXAMPLES", "## PARAMETERS", "## INPUTS", "## OUTPUTS", "## NOTES", "## RELATED LINKS" })
                Assert.Contains("\n" + section + "\n", doc);
            Assert.True(Regex.Matches(doc, @"^### Example \d+: \S", RegexOptions.Multiline).Count >= 2, cmdlet + " needs at least two examples.");
            Assert.True(PowerShellBlocks(doc).Count >= 2);

            var parameters = Run("(Get-Command " + cmdlet + ").Parameters.Keys").AssertSuccess().Output.Select(o => (string)o.BaseObject)
                .Except(CommonParameters).ToList();
            Assert.NotEmpty(Run("Get-Command " + cmdlet).AssertSuccess().Output);
            foreach (var parameter in parameters)
            {
                var section = Regex.Match(doc, "### -" + parameter + "\n(.*?)```yaml\n(.*?)```", RegexOptions.Singleline);
                Assert.True(section.Success, cmdlet + " does not document -" + parameter + ".");
                foreach (var field in new[] { "Type:", "Parameter Sets:", "Aliases:", "Required:", "Position:", "Default value:", "Accept pipeline input:", "Accept wildcard characters:" })
                    Assert.Contains(field, section.Groups[2].Value);
            }
            var documented = Regex.Matches(doc, @"^### -(\w+)", RegexOptions.Multiline).Select(m => m.Groups[1].Value);
            Assert.Empty(documented.Except(parameters));
        }

        [Fact]
        public void All_find_and_undo_examples_run_one_after_another_in_one_session()
        {
            foreach (var cmdlet in FindAndUndoCmdlets)
                foreach (var block in PowerShellBlocks(Doc(cmdlet)))
                {
                    var result = Run(block);
                    Assert.True(result.Terminating == null && result.Errors.Count == 0,
                        cmdlet + " example failed after the others ran:\n" + block + "\n" + result.Terminating + string.Join("\n", result.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e)));
                }
        }
    }
}
