using System.Linq;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.DirectoryDomain
{
    public class ZoneDiscoveryTests : CmdletTestBase
    {
        [Fact]
        public void Zone_is_discovered_once_per_session()
        {
            Run(@"
$task = New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001
Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000002 | Out-Null
Get-TcOrgTask -TaskId $task.TaskId | Out-Null
Get-TcOrgTask -List | Out-Null
$task | Wait-TcOrgTask | Out-Null").AssertSuccess();
            Assert.Single(Sent("DescribeIdentityCenter"));
            Assert.Equal(Zone, Run("(Get-TcOrgContext).ZoneId").AssertSuccess().Output.Single().BaseObject);
            Assert.All(Sent("CreateRoleAssignment").Concat(Sent("ProvisionRoleConfiguration")), r => Assert.Contains("\"ZoneId\":\"" + Zone + "\"", r.Body));
        }

        [Fact]
        public void Zone_is_asked_again_after_a_new_Connect()
        {
            Run("Get-TcOrgTask -List | Out-Null").AssertSuccess();
            Run("Connect-TcOrg -Endpoint $endpoint -SecretId $secretId -SecretKey $secretKey -RequestsPerSecond 1000; Get-TcOrgTask -List | Out-Null").AssertSuccess();
            Assert.Equal(2, Sent("DescribeIdentityCenter").Count);
        }
    }
}

namespace TencentOrg.Tests.DirectoryDomain
{
    public class DisabledIdentityCenterTests : TencentOrg.Tests.Infrastructure.ModuleTestBase
    {
        [Fact]
        public void A_disabled_CIC_stops_the_command_with_IdentityCenterNotOpen_before_any_create()
        {
            lock (Emulator.State.SyncRoot) Emulator.State.Zone.ServiceStatus = "Disabled";
            var result = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001");
            Assert.Equal("FailedOperation.IdentityCenterNotOpen,TencentOrg.NewTcRoleAssignmentCommand", result.FirstError?.FullyQualifiedErrorId);
            Assert.Empty(Emulator.Requests.ForAction("CreateRoleAssignment"));
        }
    }
}
