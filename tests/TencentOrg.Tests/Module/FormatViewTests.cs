using System.IO;
using System.Linq;
using System.Xml.Linq;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>The format file's views as the engine renders them to the host.</summary>
    public class FormatViewTests : CmdletTestBase
    {
        private static string[] HeaderWords(string text, string firstHeader) =>
            text.Split('\n').First(l => l.TrimStart().StartsWith(firstHeader)).Split(' ', System.StringSplitOptions.RemoveEmptyEntries);

        [Fact]
        public void OrgIdentity_table_shows_id_name_policies_description()
        {
            var text = Run("New-TcOrgIdentity -Name Auditors -Policy '2:ReadOnlyAccess;5:QcloudCVMFullAccess' -Description 'read only' | Out-Default").AssertSuccess().HostText;
            Assert.Equal(new[] { "IdentityId", "Name", "Policies", "Description" }, HeaderWords(text, "IdentityId"));
            var lines = text.Split('\n');
            int row = System.Array.FindIndex(lines, l => l.Contains("Auditors"));
            Assert.Contains("101", lines[row]);
            Assert.Contains("2:ReadOnlyAccess", lines[row]);
            Assert.Contains("read only", lines[row]);
            // One policy per line, whole, under the first.
            Assert.Equal(lines[row].IndexOf("2:ReadOnlyAccess", System.StringComparison.Ordinal), lines[row + 1].IndexOf("5:QcloudCVMFullAccess", System.StringComparison.Ordinal));
        }

        [Fact]
        public void MemberAuthIdentity_table()
        {
            var text = Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId 1 -PassThru | Out-Default").AssertSuccess().HostText;
            Assert.Equal(new[] { "MemberUin", "IdentityId", "Status", "MemberName", "IdentityRoleName" }, HeaderWords(text, "MemberUin"));
            var row = text.Split('\n').Single(l => l.StartsWith("100000000001"));
            Assert.Contains(" Configured ", row);
        }

        [Fact]
        public void RoleTask_table_shows_task_status_and_principal()
        {
            var text = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000002 | Out-Default").AssertSuccess().HostText;
            // 80 columns (this host's width) hold every column; the type heads the group, whole.
            Assert.Equal(new[] { "TaskId", "TargetUin", "RoleConfigurationId", "PrincipalId", "Status" }, HeaderWords(text, "TaskId"));
            Assert.Contains("TaskType: CreateRoleAssignment", text);
            var row = text.Split('\n').Single(l => l.StartsWith("t-"));
            Assert.Contains("InProgress", row);
            Assert.Contains("rc-emuconfig001", row);
            Assert.Contains("100000000002", row);
            Assert.Contains("g-emugroup0001", row);
        }

        [Fact]
        public void OrgContext_table_never_shows_the_secret()
        {
            var text = Run("Get-TcOrgContext | Out-Default").AssertSuccess().HostText;
            Assert.Equal(new[] { "SecretId", "ZoneId", "Connected", "Endpoint" }, HeaderWords(text, "SecretId"));
            Assert.Contains(Emulator.Endpoint.ToString(), text);
            Assert.Contains("AKID****0000", text);
            Assert.Contains("True", text);
            Assert.DoesNotContain(Emulator.Options.Credentials[0].SecretKey, text);
        }

        [Fact]
        public void Every_core_type_has_a_table_and_a_list_view()
        {
            var views = XDocument.Load(Path.Combine(TestSetup.ModuleDir, "TencentOrg.format.ps1xml")).Descendants("View").ToList();
            foreach (var type in new[] { "TencentOrg.OrgIdentity", "TencentOrg.MemberAuthIdentity", "TencentOrg.RoleTask", "TencentOrg.OrgContext" })
            {
                var forType = views.Where(v => v.Element("ViewSelectedBy")!.Elements("TypeName").Any(t => t.Value == type)).ToList();
                Assert.Contains(forType, v => v.Element("TableControl") != null);
                Assert.Contains(forType, v => v.Element("ListControl") != null);
            }
        }
    }
}
