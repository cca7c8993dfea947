using System.Linq;
using Xunit;

namespace TencentOrg.Tests.RoleConfigurations
{
    /// <summary>The table views of the permission-configuration output, as an 80-column host shows them.</summary>
    public class RoleConfigurationViewTests : Module.CmdletTestBase
    {
        [Fact]
        public void Policy_table_reads_at_80_columns()
        {
            var text = Run("Get-TcRoleConfigurationPolicy rc-emuconfig004 | Out-Default").AssertSuccess().HostText;
            var lines = text.Split('\n');
            var header = lines.First(l => l.StartsWith("RoleConfigurationId"));
            Assert.Equal(new[] { "RoleConfigurationId", "RolePolicyType", "RolePolicyId", "RolePolicyName" }, header.Split(' ', System.StringSplitOptions.RemoveEmptyEntries));
            Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, l));
            var system = lines.Single(l => l.Contains("QcloudCVMFullAccess"));
            Assert.Contains("rc-emuconfig004", system);
            Assert.Contains(" System ", system);
            Assert.Contains(" 5 ", system + " ");
            Assert.Contains(lines, l => l.Contains(" Custom ") && l.Contains("dev-vpc"));
            // The document is in the list view, not the table.
            Assert.DoesNotContain("statement", text);
        }

        [Fact]
        public void New_configuration_shows_in_the_configuration_table()
        {
            var text = Run("New-TcRoleConfiguration -Name view-check -SessionDuration 900 -Description 'for the view' | Out-Default").AssertSuccess().HostText;
            var row = text.Split('\n').Single(l => l.StartsWith("rc-"));
            Assert.Contains("view-check", row);
            Assert.Contains("900", row);
            Assert.True(row.TrimEnd().Length <= 80, row);
        }
    }
}
