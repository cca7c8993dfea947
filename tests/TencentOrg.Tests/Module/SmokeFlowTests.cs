using System.Linq;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>The whole onboarding flow through the imported module against the emulator.</summary>
    public class SmokeFlowTests : ModuleTestBase
    {
        [Fact]
        public void Create_identity_grant_assign_provision_and_wait()
        {
            var identity = Run("New-TcOrgIdentity -Name 'OpsAdmin' -Policy @{PolicyId=1; PolicyName='AdministratorAccess'} -Description 'ops'");
            identity.AssertSuccess();
            var created = Assert.Single(identity.Output);
            long identityId = (long)created.Properties["IdentityId"].Value;
            Assert.True(identityId > 0);
            Assert.Equal("TencentOrg.OrgIdentity", created.TypeNames[0]);

            var grant = Run("New-TcOrgIdentity -Name 'Auditor' -Policy '2:ReadOnlyAccess' | Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -PassThru");
            grant.AssertSuccess();
            Assert.Equal(2, grant.Output.Count);

            var assign = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000001,100000000002,100000000003 -Wait");
            assign.AssertSuccess();
            Assert.Equal(3, assign.Output.Count);
            Assert.All(assign.Output, t => Assert.Equal("Success", t.Properties["Status"].Value));

            var provision = Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000004 | Wait-TcOrgTask");
            provision.AssertSuccess();
            Assert.Equal("Success", Assert.Single(provision.Output).Properties["Status"].Value);

            Assert.Equal(3, Emulator.State.RoleAssignments.Count());
        }
    }
}
