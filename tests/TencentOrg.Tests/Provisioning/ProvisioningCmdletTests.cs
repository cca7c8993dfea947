using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Provisioning
{
    /// <summary>Get- and Stop-TcRoleProvisioning.</summary>
    public class ProvisioningCmdletTests : Module.CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // rc-emuconfig002 deployed on 40 members, rc-emuconfig003 on 80: 120 deployments, two pages.
            var deployed = Enumerable.Range(1, 40).Select(m => ("rc-emuconfig002", m))
                .Concat(Enumerable.Range(1, 80).Select(m => ("rc-emuconfig003", m)))
                .Select(x => new { RoleConfigurationId = x.Item1, TargetType = "MemberUin", TargetUin = 100000000000L + x.Item2, DeploymentStatus = "Deployed" })
                .ToArray();
            var assignments = new[]
            {
                new { RoleConfigurationId = "rc-emuconfig003", TargetType = "MemberUin", TargetUin = 100000000001L, PrincipalType = "Group", PrincipalId = "g-emugroup0001" },
            };
            options.SeedFile = SeedFile(new { Provisionings = deployed, RoleAssignments = assignments });
        }

        [Fact]
        public void Get_reads_every_page_filters_and_pipes_from_configurations()
        {
            var all = Run("Get-TcRoleProvisioning").AssertSuccess();
            Assert.Equal(120, all.Output.Count);
            Assert.Equal(2, SentCount("ListRoleConfigurationProvisionings"));
            Assert.Equal("TencentOrg.RoleProvisioning", all.Output[0].TypeNames[0]);
            Assert.Equal("Deployed", Prop(all.Output[0], "DeploymentStatus"));

            Assert.Equal(40, Run("Get-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002").AssertSuccess().Output.Count);
            Assert.Equal(2, Run("Get-TcRoleProvisioning -TargetUin 100000000001").AssertSuccess().Output.Count);
            Assert.Equal(120, Run("Get-TcRoleConfiguration | Get-TcRoleProvisioning").AssertSuccess().Output.Count);
            Assert.Equal(7, Run("Get-TcRoleProvisioning -First 7").AssertSuccess().Output.Count);
        }

        [Fact]
        public void Stop_from_the_pipeline_waits_and_undeploys()
        {
            var result = Run("Get-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -First 3 | Stop-TcRoleProvisioning -Wait -Confirm:$false").AssertSuccess();
            Assert.Equal(3, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            Assert.Equal(37, Emulator.State.Provisionings.Count(p => p.RoleConfigurationId == "rc-emuconfig002"));
        }

        [Fact]
        public void Stop_WhatIf_sends_nothing_and_Confirm_asks_per_account()
        {
            var whatIf = Run("Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001,100000000002 -WhatIf").AssertSuccess();
            Assert.Contains("MemberUin 100000000001", whatIf.HostText);
            Assert.Contains("MemberUin 100000000002", whatIf.HostText);
            Assert.Equal(0, SentCount("DismantleRoleConfiguration"));

            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Run("Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001,100000000002").AssertSuccess();
            Assert.Equal(2, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Equal(1, SentCount("DismantleRoleConfiguration"));
        }

        [Fact]
        public void Stop_errors_carry_the_service_code_and_name_the_deployment()
        {
            var inUse = Run("Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig003 -TargetUin 100000000001 -Confirm:$false");
            Assert.Equal("rc-emuconfig003 on MemberUin 100000000001",
                SingleError(inUse, "FailedOperation.RoleConfigurationAuthorizationExist", "StopTcRoleProvisioningCommand").TargetObject);

            var notDeployed = Run("Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig004 -TargetUin 100000000001 -Confirm:$false");
            SingleError(notDeployed, "ResourceNotFound.RoleConfigurationProvisioningNotFound", "StopTcRoleProvisioningCommand");
        }

        [Fact]
        public void Stop_while_an_undeploy_is_still_running_is_a_status_error()
        {
            Run("Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000009 -Confirm:$false").AssertSuccess();
            var again = Run("Stop-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000009 -Confirm:$false");
            SingleError(again, "FailedOperation.RoleConfigurationProvisioningStatusError", "StopTcRoleProvisioningCommand");
            Assert.Single(Emulator.State.Tasks);
        }
    }
}
