using System.Linq;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// Integer parameters take exact whole numbers only (numbers or digit strings): PowerShell would round
    /// '100000000002.6' to the neighbouring account. The bad item is an error naming its value, nothing is
    /// sent for it, and the other pipeline items still go through.
    /// </summary>
    public class IntegerInputTests : CmdletTestBase
    {
        private string AllBodies(string action) => string.Join("\n", Sent(action).Select(r => r.Body));

        private static void AssertNamesValue(Infrastructure.PsResult result, string value)
        {
            var error = Assert.Single(result.Errors);
            Assert.Contains("'" + value + "' is not", error.ToString());
        }

        [Theory]
        [InlineData("'100000000002.6'", "100000000002.6", "100000000003")]
        [InlineData("100000000005.5", "100000000005.5", "100000000006")]
        [InlineData("'1e3'", "1e3", "1000")]
        [InlineData("''", "", "0")]
        public void New_TcRoleAssignment_rows_with_a_fractional_TargetUin_are_refused_and_the_others_sent(string bad, string shown, string rounded)
        {
            var result = Run(@"
[pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = 100000000001; PrincipalId = 'u-emuuser00001' },
[pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = " + bad + @"; PrincipalId = 'u-emuuser00001' },
[pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = '100000000004'; PrincipalId = 'u-emuuser00001' } | New-TcRoleAssignment -ZoneId z-emulator0001");

            AssertNamesValue(result, shown);
            Assert.Equal(new long[] { 100000000001, 100000000004 }, result.Output.Select(t => (long)Prop(t, "TargetUin")!));
            Assert.DoesNotContain("\"TargetUin\":" + rounded + ",", AllBodies("CreateRoleAssignment"));
            Assert.Equal(2, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void New_TcRoleAssignment_InputObject_hashtable_with_a_fractional_TargetUin_is_refused()
        {
            var result = Run(@"
@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = '100000000002.6'; PrincipalId = 'u-emuuser00001' },
@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = 100000000001; PrincipalId = 'u-emuuser00001' } | New-TcRoleAssignment -ZoneId z-emulator0001");

            AssertNamesValue(result, "100000000002.6");
            Assert.Equal(100000000001L, Prop(Assert.Single(result.Output), "TargetUin"));
            Assert.DoesNotContain("100000000003", AllBodies("CreateRoleAssignment"));
        }

        [Theory]
        [InlineData("Add-TcOrgMemberAuthIdentity -MemberUin 100000000005.5 -IdentityId 1", "100000000005.5", "CreateOrganizationMemberAuthIdentity")]
        [InlineData("Add-TcOrgMemberAuthIdentity -MemberUin 100000000005 -IdentityId '1.0'", "1.0", "CreateOrganizationMemberAuthIdentity")]
        [InlineData("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin '100000000002.6'", "100000000002.6", "ProvisionRoleConfiguration")]
        [InlineData("Stop-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin 1.5 -Confirm:$false", "1.5", "DeprovisionRoleConfiguration")]
        [InlineData("Remove-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin ' 100000000001' -Confirm:$false", " 100000000001", "DeleteRoleAssignment")]
        [InlineData("Remove-TcOrgIdentity -IdentityId 101.5 -Confirm:$false", "101.5", "DeleteOrganizationIdentity")]
        [InlineData("Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId '0x65' -Confirm:$false", "0x65", "DeleteOrganizationMemberAuthIdentity")]
        [InlineData("Set-TcOrgIdentity -IdentityId 101.2 -Description x", "101.2", "UpdateOrganizationIdentity")]
        [InlineData("Get-TcOrgIdentity -IdentityId '101.0'", "101.0", "ListOrganizationIdentity")]
        [InlineData("Get-TcOrgMember -MemberUin 100000000001.5", "100000000001.5", "DescribeOrganizationMembers")]
        [InlineData("Get-TcOrgMemberAuthIdentity -MemberUin '1e11'", "1e11", "DescribeOrganizationMemberAuthIdentities")]
        [InlineData("Get-TcRoleAssignment -ZoneId z-emulator0001 -TargetUin 100000000001.5", "100000000001.5", "ListRoleAssignments")]
        [InlineData("Get-TcRoleProvisioning -ZoneId z-emulator0001 -TargetUin 100000000001.5", "100000000001.5", "ListRoleConfigurationProvisionings")]
        [InlineData("New-TcOrgIdentity -Name X -Policy @{ PolicyId = 2.5; PolicyName = 'ReadOnlyAccess' }", "2.5", "CreateOrganizationIdentity")]
        [InlineData("New-TcOrgIdentity -Name X -Policy ([pscustomobject]@{ PolicyId = '2.0'; PolicyName = 'ReadOnlyAccess' })", "2.0", "CreateOrganizationIdentity")]
        public void Command_line_value_that_is_not_a_whole_number_sends_nothing(string command, string shown, string action)
        {
            var result = Run(command);
            var record = result.FirstError;
            Assert.NotNull(record);
            Assert.Contains("'" + shown + "' is not", record!.ToString());
            Assert.Empty(Sent(action));
        }

        [Fact]
        public void Add_TcOrgMemberAuthIdentity_csv_rows_with_a_bad_MemberUin_fail_alone()
        {
            var result = Run(@"
[pscustomobject]@{ MemberUin = '100000000001'; IdentityId = '1' },
[pscustomobject]@{ MemberUin = '100000000002.6'; IdentityId = '1' },
[pscustomobject]@{ MemberUin = '100000000004'; IdentityId = '1' } | Add-TcOrgMemberAuthIdentity -PassThru");

            AssertNamesValue(result, "100000000002.6");
            Assert.Equal(new long[] { 100000000001, 100000000004 }, result.Output.Select(o => (long)Prop(o, "MemberUin")!).OrderBy(u => u));
            Assert.DoesNotContain("100000000003", AllBodies("CreateOrganizationMemberAuthIdentity"));
        }

        [Fact]
        public void Whole_numbers_as_numbers_digit_strings_and_integral_doubles_are_accepted()
        {
            Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001, '100000000002', 100000000003.0, ([decimal]100000000004)").AssertSuccess();
            Assert.Equal(new long[] { 100000000001, 100000000002, 100000000003, 100000000004 },
                Sent("ProvisionRoleConfiguration").Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement.GetProperty("TargetUin").GetInt64()).OrderBy(u => u));
        }
    }
}
