using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.RoleConfigurations
{
    /// <summary>Re-deployment of a changed configuration, and creates whose answer is lost.</summary>
    public class RedeployAndLostAnswerTests : Module.CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // rc-emuconfig003 on 3 accounts, rc-emuconfig004 on 2 (one shared): 5 deployments.
            var deployed = new[] { ("rc-emuconfig003", 1), ("rc-emuconfig003", 2), ("rc-emuconfig003", 3), ("rc-emuconfig004", 1), ("rc-emuconfig004", 4) }
                .Select(x => new { RoleConfigurationId = x.Item1, TargetType = "MemberUin", TargetUin = 100000000000L + x.Item2, DeploymentStatus = "Deployed" })
                .ToArray();
            options.SeedFile = SeedFile(new { Provisionings = deployed });
        }

        [Fact]
        public void Changing_one_policy_then_Redeploy_redeploys_exactly_that_configurations_accounts()
        {
            Run("Add-TcRoleConfigurationPolicy rc-emuconfig003 -PolicyName ReadOnlyAccess").AssertSuccess();
            Assert.Equal(new long[] { 100000000001, 100000000002, 100000000003 },
                Emulator.State.Provisionings.Where(p => p.DeploymentStatus == "DeployedRequired").Select(p => p.TargetUin).OrderBy(u => u));

            var tasks = Run("Get-TcRoleConfiguration -RoleConfigurationId rc-emuconfig003 | Start-TcRoleProvisioning -Redeploy -Wait -Confirm:$false").AssertSuccess();
            Assert.Equal(3, tasks.Output.Count);
            Assert.All(tasks.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            var sent = Sent("ProvisionRoleConfiguration").Select(r => System.Text.Json.JsonDocument.Parse(r.Body).RootElement).ToList();
            Assert.Equal(3, sent.Count);
            Assert.All(sent, r => Assert.Equal("rc-emuconfig003", r.GetProperty("RoleConfigurationId").GetString()));
            Assert.Equal(new long[] { 100000000001, 100000000002, 100000000003 }, sent.Select(r => r.GetProperty("TargetUin").GetInt64()).OrderBy(u => u));
            Assert.All(Emulator.State.Provisionings, p => Assert.Equal("Deployed", p.DeploymentStatus));

            // Nothing changed since: a second -Redeploy sends no deploy.
            Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig003 -Redeploy -Wait -Confirm:$false").AssertSuccess();
            Assert.Equal(3, SentCount("ProvisionRoleConfiguration"));
        }

        [Fact]
        public void Redeploy_WhatIf_reads_nothing_and_deploys_nothing()
        {
            Run("Set-TcRoleConfigurationPolicy rc-emuconfig004 -CustomPolicyName dev-vpc -CustomPolicyDocument '{\"version\":\"2.0\",\"statement\":[]}'").AssertSuccess();
            Emulator.Requests.Clear();
            var whatIf = Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig004 -Redeploy -WhatIf").AssertSuccess();
            Assert.Contains("rc-emuconfig004", whatIf.HostText);
            Assert.Equal(0, Emulator.Requests.Count);
        }

        [Fact]
        public void A_lost_CreateRoleConfiguration_answer_creates_exactly_one_configuration()
        {
            Emulator.Faults.Add(new FaultRule { Action = "CreateRoleConfiguration", Kind = FaultKind.Http503, Phase = FaultPhase.AfterHandling, Count = 1 });
            var created = Run("New-TcRoleConfiguration -Name lost-answer -Description 'd'").AssertSuccess();
            Assert.Equal("lost-answer", Prop(Assert.Single(created.Output), "RoleConfigurationName"));
            Assert.Single(Emulator.State.RoleConfigurations, c => c.RoleConfigurationName == "lost-answer");
            // Read back by name, never resent.
            Assert.Equal(1, SentCount("CreateRoleConfiguration"));
            Assert.True(SentCount("ListRoleConfigurations") >= 1);
        }

        [Fact]
        public void A_create_lost_before_it_reached_the_service_is_sent_again_once()
        {
            Emulator.Faults.Add(new FaultRule { Action = "CreateRoleConfiguration", Kind = FaultKind.Http503, Phase = FaultPhase.BeforeHandling, Count = 1 });
            Run("New-TcRoleConfiguration -Name lost-request").AssertSuccess();
            Assert.Single(Emulator.State.RoleConfigurations, c => c.RoleConfigurationName == "lost-request");
            Assert.Equal(2, SentCount("CreateRoleConfiguration"));
        }

        [Fact]
        public void A_lost_AddPermissionPolicy_answer_attaches_once_and_reports_success()
        {
            Emulator.Faults.Add(new FaultRule { Action = "AddPermissionPolicyToRoleConfiguration", Kind = FaultKind.Http503, Phase = FaultPhase.AfterHandling, Count = 1 });
            var added = Run("Add-TcRoleConfigurationPolicy rc-emuconfig002 -PolicyId 6 -PassThru").AssertSuccess();
            Assert.Equal(6L, Prop(Assert.Single(added.Output), "RolePolicyId"));
            Assert.Equal(1, SentCount("AddPermissionPolicyToRoleConfiguration"));
            Assert.Single(Emulator.State.RoleConfigurations.Single(c => c.RoleConfigurationId == "rc-emuconfig002").Policies, p => p.RolePolicyId == 6);
        }
    }
}
