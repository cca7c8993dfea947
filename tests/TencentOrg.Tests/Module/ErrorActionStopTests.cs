using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// -ErrorAction Stop stops: once a failure is known nothing more is sent, queued items included; what
    /// was sent before is reported. Counted in the emulator's request log and checked in its state.
    /// </summary>
    public class ErrorActionStopTests : CmdletTestBase
    {
        [Fact]
        public void New_TcOrgIdentity_does_not_create_the_item_after_the_failing_one()
        {
            Run("New-TcOrgIdentity -Name Existing -Policy '1:AdministratorAccess'").AssertSuccess();
            Emulator.Requests.Clear();

            var result = Run("'a','Existing','c' | % { [pscustomobject]@{Name=$_; Policy='2:ReadOnlyAccess'} } | New-TcOrgIdentity -ErrorAction Stop");

            var stop = Assert.IsType<ActionPreferenceStopException>(result.Terminating);
            Assert.Equal("FailedOperation.OrganizationIdentityNameUsed,TencentOrg.NewTcOrgIdentityCommand", stop.ErrorRecord.FullyQualifiedErrorId);
            Assert.Equal(new[] { "a" }, result.Output.Select(o => (string)Prop(o, "Name")!));
            Assert.Equal(2, Sent("CreateOrganizationIdentity").Count);
            Assert.DoesNotContain(Emulator.State.Identities, i => i.IdentityAliasName == "c");
            Assert.Contains(Emulator.State.Identities, i => i.IdentityAliasName == "a");
        }

        [Fact]
        public void ErrorActionPreference_Stop_stops_like_the_parameter()
        {
            Run("New-TcOrgIdentity -Name Existing -Policy '1:AdministratorAccess'").AssertSuccess();
            Emulator.Requests.Clear();

            var result = Run("$ErrorActionPreference = 'Stop'; 'Existing','b','c' | % { [pscustomobject]@{Name=$_; Policy='2:ReadOnlyAccess'} } | New-TcOrgIdentity");

            Assert.NotNull(result.Terminating);
            Assert.Single(Sent("CreateOrganizationIdentity"));
            Assert.DoesNotContain(Emulator.State.Identities, i => i.IdentityAliasName == "b" || i.IdentityAliasName == "c");
        }

        [Fact]
        public void New_TcRoleAssignment_sends_nothing_after_the_failing_assignment_nor_the_queued_batches()
        {
            // 150 assignments = 3 batches of 50; number 60 exists already, so batch 2 fails and is isolated item by item.
            Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00002 -TargetUin 100000000010").AssertSuccess();
            Emulator.Requests.Clear();

            var result = Run(@"
$rows = foreach ($u in 1..3) { foreach ($m in 1..50) {
    [pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; TargetUin = 100000000000 + $m; PrincipalId = 'u-emuuser{0:d5}' -f $u } } }
$rows | New-TcRoleAssignment -ZoneId z-emulator0001 -ErrorAction Stop");

            var stop = Assert.IsType<ActionPreferenceStopException>(result.Terminating);
            Assert.Equal("FailedOperation.RoleConfigurationAuthorizationAlreadyExist,TencentOrg.NewTcRoleAssignmentCommand", stop.ErrorRecord.FullyQualifiedErrorId);
            // Batch 1 (1 call), batch 2 as a whole (1 call), then items 51..60 one by one (10 calls); nothing after.
            Assert.Equal(12, Sent("CreateRoleAssignment").Count);
            Assert.Equal(59, result.Output.Count);
            Assert.Equal(60, Emulator.State.RoleAssignments.Count);
            Assert.DoesNotContain(Emulator.State.RoleAssignments, a => a.PrincipalId == "u-emuuser00003");
            Assert.True(result.Warnings.Any(w => w.Contains("90 item(s) were not sent")), result.AllText());
        }

        [Fact]
        public void Add_TcOrgMemberAuthIdentity_does_not_grant_to_the_member_after_the_failing_one()
        {
            long id = (long)Prop(Assert.Single(Run("New-TcOrgIdentity -Name Grant -Policy '1:AdministratorAccess'").AssertSuccess().Output), "IdentityId")!;
            Emulator.Requests.Clear();

            var result = Run("100000000001, 100000000999, 100000000003 | Add-TcOrgMemberAuthIdentity -IdentityId " + id + " -ErrorAction Stop");

            Assert.IsType<ActionPreferenceStopException>(result.Terminating);
            // The batch of three, then member by member: 001 and the unknown 999; 003 never.
            var sent = Sent("CreateOrganizationMemberAuthIdentity").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("MemberUins").GetArrayLength()).ToList();
            Assert.Equal(new[] { 3, 1, 1 }, sent);
            Assert.Contains(Emulator.State.MemberAuthIdentities, a => a.MemberUin == 100000000001 && a.IdentityId == id);
            Assert.DoesNotContain(Emulator.State.MemberAuthIdentities, a => a.MemberUin == 100000000003 && a.IdentityId == id);
        }

        [Fact]
        public void Start_TcRoleProvisioning_does_not_deploy_to_the_account_after_the_failing_one()
        {
            var result = Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001,100000000999,100000000003,100000000004 -ErrorAction Stop");

            Assert.IsType<ActionPreferenceStopException>(result.Terminating);
            Assert.Equal(new long[] { 100000000001, 100000000999 },
                Sent("ProvisionRoleConfiguration").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("TargetUin").GetInt64()));
            Assert.Single(result.Output);
        }

        [Fact]
        public void Without_Stop_every_item_is_still_sent()
        {
            var result = Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001,100000000999,100000000003,100000000004");

            Assert.Single(result.Errors);
            Assert.Equal(3, result.Output.Count);
            Assert.Equal(4, Sent("ProvisionRoleConfiguration").Count);
        }
    
        [Theory]
        [InlineData("New-TcOrgIdentity")]
        [InlineData("New-TcRoleAssignment")]
        [InlineData("Add-TcOrgMemberAuthIdentity")]
        [InlineData("Start-TcRoleProvisioning")]
        public void Help_says_what_an_in_flight_batch_means_under_Stop(string command)
        {
            string notes = string.Join("\n", Run("(Get-Help " + command + ").alertSet.alert.Text").AssertSuccess().Output.Select(o => o.BaseObject.ToString()));
            Assert.Contains("-ErrorAction Stop", notes);
            Assert.Contains("A batch is ", notes);
            Assert.Contains("A batch already sent completes and its results are reported", notes);
            Assert.Contains("Output order", notes);
        }
    }
}
