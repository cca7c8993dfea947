using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>The admin workflows the find, change and undo cmdlets exist for, exactly as an admin types them.</summary>
    public class ChainTests : CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.GeneratedMemberCount = 3;
        }

        [Fact]
        public void Users_found_by_filter_are_assigned_to_every_member_and_waited_for()
        {
            var result = Run("Get-TcOrgUser -Filter user00001 | New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -TargetUin (Get-TcOrgMember).MemberUin -Wait").AssertSuccess();
            Assert.Equal(3, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            var assigned = Emulator.State.RoleAssignments;
            Assert.Equal(3, assigned.Count);
            Assert.All(assigned, a => Assert.Equal("u-emuuser00001", a.PrincipalId));
            Assert.Equal(new[] { 100000000001L, 100000000002L, 100000000003L }, assigned.Select(a => a.TargetUin).OrderBy(u => u).ToArray());
        }

        [Fact]
        public void Assignments_of_a_member_piped_to_Remove_WhatIf_send_nothing_and_name_each()
        {
            Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001,u-emuuser00002,g-emugroup0001 -TargetUin 100000000001,100000000002").AssertSuccess();
            Emulator.Requests.Clear();
            var result = Run("Get-TcRoleAssignment -TargetUin 100000000001 | Remove-TcRoleAssignment -WhatIf").AssertSuccess();
            Assert.Equal(0, SentCount("DeleteRoleAssignment"));
            Assert.Equal(6, Emulator.State.RoleAssignments.Count);
            Assert.Contains("User u-emuuser00001", result.HostText);
            Assert.Contains("User u-emuuser00002", result.HostText);
            Assert.Contains("Group g-emugroup0001", result.HostText);
            Assert.Equal(3, result.HostText.Split('\n').Count(l => l.StartsWith("What if:") && l.Contains("MemberUin 100000000001")));
        }

        [Fact]
        public void Identity_found_by_name_is_granted_to_members()
        {
            Run("New-TcOrgIdentity -Name 'ChainAuditor' -Policy '2:ReadOnlyAccess'").AssertSuccess();
            var result = Run("Get-TcOrgIdentity -Name ChainAuditor | Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002").AssertSuccess();
            long id = Emulator.State.Identities.Single(i => i.IdentityAliasName == "ChainAuditor").IdentityId;
            var granted = Emulator.State.MemberAuthIdentities.Where(a => a.IdentityId == id).Select(a => a.MemberUin).OrderBy(u => u).ToArray();
            Assert.Equal(new[] { 100000000001L, 100000000002L }, granted);

            var readBack = Run("Get-TcOrgIdentity -Name ChainAuditor | Get-TcOrgMemberAuthIdentity").AssertSuccess();
            Assert.Equal(2, readBack.Output.Count);
        }
    }
}
