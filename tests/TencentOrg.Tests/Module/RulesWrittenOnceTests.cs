using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>Issue 20 item 6: the -Wait / -TimeoutSec pair that follows CIC tasks is declared once, by the waiting bases.</summary>
    public class RulesWrittenOnceTests : CmdletTestBase
    {
        [Fact]
        public void Every_cmdlet_takes_Wait_and_TimeoutSec_from_the_one_shared_definition()
        {
            // Connect-TcOrg's -TimeoutSec is the HTTP timeout of each request, not a task-following timeout.
            var declared = Run(@"
Get-Command -Module TencentOrg -CommandType Cmdlet | Where-Object Name -ne 'Connect-TcOrg' | ForEach-Object {
    foreach ($name in 'Wait', 'TimeoutSec') {
        if ($_.Parameters.ContainsKey($name)) { $_.Name + ' ' + $name + ' ' + $_.ImplementingType.GetProperty($name).DeclaringType.Name }
    }
}").AssertSuccess().Output.Select(o => o.BaseObject.ToString()!).ToList();

            Assert.Contains("Sync-TcOrgConfiguration Wait TcOrgWaitingCmdlet", declared);
            Assert.Contains("Wait-TcOrgTask TimeoutSec TcOrgTimeoutCmdlet", declared);
            var elsewhere = declared.Where(d => !d.EndsWith(" TcOrgWaitingCmdlet") && !d.EndsWith(" TcOrgTimeoutCmdlet")).ToList();
            Assert.True(elsewhere.Count == 0, "declared outside TcOrgTimeoutCmdlet/TcOrgWaitingCmdlet: " + string.Join(", ", elsewhere));
            Assert.True(declared.Count >= 10, string.Join(", ", declared));
        }
    }

    /// <summary>
    /// Issue 20 item 6, the other rules: each is written in one place of the module's source (src/TencentOrg.Core and
    /// src/TencentOrg), so a second copy fails here naming the file and line. The emulator is the server's side and not scanned.
    /// </summary>
    public class RuleSourcesTests
    {
        private static IEnumerable<(string File, int Line, string Text)> ModuleLines()
        {
            foreach (var project in new[] { "src/TencentOrg.Core", "src/TencentOrg" })
                foreach (var file in Directory.EnumerateFiles(Path.Combine(TestSetup.RepoRoot, project), "*.cs", SearchOption.AllDirectories)
                    .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar)))
                {
                    var lines = File.ReadAllLines(file);
                    for (int i = 0; i < lines.Length; i++)
                        yield return (Path.GetRelativePath(TestSetup.RepoRoot, file).Replace('\\', '/'), i + 1, lines[i]);
                }
        }

        private static void OnlyIn(string rule, Regex pattern, params string[] allowed)
        {
            var found = ModuleLines().Where(l => pattern.IsMatch(l.Text)).ToList();
            Assert.True(found.Count > 0, rule + ": the pattern no longer finds its one definition");
            var elsewhere = found.Where(l => !allowed.Contains(l.File)).Select(l => l.File + ":" + l.Line + ": " + l.Text.Trim()).ToList();
            Assert.True(elsewhere.Count == 0, rule + " is written outside " + string.Join(", ", allowed) + ":\n" + string.Join("\n", elsewhere));
        }

        [Fact]
        public void RoleTask_statuses_are_spelled_only_in_their_constants() =>
            OnlyIn("a RoleTask status literal", new Regex("\"(InProgress|Success|Failed)\""),
                "src/TencentOrg.Core/Types/OutputTypes.cs", "src/TencentOrg.Core/Types/ConfigurationTypes.cs");

        [Fact]
        public void The_backoff_formula_is_written_once() =>
            OnlyIn("the exponential backoff", new Regex(@"Math\.Pow\(\s*2|<<\s*attempt|1\s*<<"), "src/TencentOrg.Core/Api/Backoff.cs");

        [Fact]
        public void ID_patterns_are_written_once() =>
            OnlyIn("an ID pattern", new Regex(@"\^(z|rc|u|g|ua|ia|t)-\[|\^\\d\{|\^[0-9]\{"), "src/TencentOrg.Core/Types/Patterns.cs");

        [Fact]
        public void The_principal_type_of_an_ID_is_decided_once() =>
            OnlyIn("the principal type from an ID prefix", new Regex("StartsWith\\(\"[ug]-\""), "src/TencentOrg.Core/Services/RoleAssignments/RoleAssignments.cs");

        [Fact]
        public void Policies_and_policy_documents_are_compared_once()
        {
            // A Same...() definition outside IdentityPolicies may only hand over to it on its next line.
            var lines = ModuleLines().ToList();
            var definitions = lines.Select((l, i) => (l, i)).Where(x => Regex.IsMatch(x.l.Text, @"\bbool Same\w*\(")).ToList();
            Assert.Contains(definitions, d => d.l.File == "src/TencentOrg.Core/Types/IdentityPolicies.cs" && d.l.Text.Contains("SameDocument("));
            var copies = definitions.Where(d => d.l.File != "src/TencentOrg.Core/Types/IdentityPolicies.cs"
                    && !Regex.IsMatch(d.l.Text + lines[d.i + 1].Text, @"=>\s*IdentityPolicies\.Same\w*\("))
                .Select(d => d.l.File + ":" + d.l.Line + ": " + d.l.Text.Trim()).ToList();
            Assert.True(copies.Count == 0, "a comparison of policies or documents outside IdentityPolicies:\n" + string.Join("\n", copies));
        }
    }
}
