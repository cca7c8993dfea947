using System.Linq;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Reliability;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 21 item 4: every object a write emits says how it was settled; reconciliation is shown and a turned-around answer warned about.</summary>
    public class OutcomeTrustTests
    {
        private static string Outcome(System.Management.Automation.PSObject o) => o.Properties["Outcome"].Value?.ToString() ?? "(null)";

        [Fact]
        public async Task An_identity_that_existed_before_a_503_is_output_as_Reconciled_with_a_warning_not_as_Created()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => o.RateLimitPerSecond = 0, "-RequestsPerSecond 1000 -MaxRetries 2");
            var before = env.Run("New-TcOrgIdentity -Name Veteran -Policy '2:ReadOnlyAccess'").AssertSuccess().Output.Single();
            Assert.Equal("Created", Outcome(before));

            env.Emulator.Faults.Add(new FaultRule { Action = "CreateOrganizationIdentity", Kind = FaultKind.Http503, Count = 1 });
            var rerun = env.Run("New-TcOrgIdentity -Name Veteran -Policy '2:ReadOnlyAccess' -Verbose");

            rerun.AssertSuccess();
            var output = rerun.Output.Single();
            Assert.Equal(before.Properties["IdentityId"].Value, output.Properties["IdentityId"].Value);
            Assert.Equal("Reconciled", Outcome(output));
            var warning = Assert.Single(rerun.Warnings);
            Assert.Contains("identity 'Veteran'", warning);
            Assert.Contains("Reconciled", warning);
            Assert.Contains(rerun.Verbose, v => v.Contains("identity 'Veteran': the read-back found it in place") && v.Contains("Reconciled"));
            var skipped = env.Run("New-TcOrgIdentity -Name Veteran -Policy '2:ReadOnlyAccess' -SkipExisting -WarningAction SilentlyContinue").AssertSuccess();
            Assert.Equal("Existing", Outcome(skipped.Output.Single()));
        }

        [Fact]
        public async Task Every_object_a_write_cmdlet_emits_has_an_Outcome_and_a_lost_answer_after_the_write_is_Reconciled_through_Wait()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => { o.RateLimitPerSecond = 0; o.TaskPollsToComplete = 0; }, "-RequestsPerSecond 1000 -MaxRetries 2");
            const string assignment = "-ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001";

            var created = env.Run("New-TcRoleAssignment " + assignment + " -TargetUin 100000000001").AssertSuccess();
            env.Emulator.Faults.Add(new FaultRule { Action = "CreateRoleAssignment", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Count = 1 });
            var reset = env.Run("New-TcRoleAssignment " + assignment + " -TargetUin 100000000002 -Wait").AssertSuccess();
            var existing = env.Run("New-TcRoleAssignment " + assignment + " -TargetUin 100000000001 -SkipExisting -WarningAction SilentlyContinue").AssertSuccess();
            var deployed = env.Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000003 -Wait").AssertSuccess();
            var removed = env.Run("Remove-TcRoleAssignment " + assignment + " -TargetUin 100000000001 -Confirm:$false").AssertSuccess();
            var identity = env.Run("New-TcOrgIdentity -Name Outcomes -Policy '2:ReadOnlyAccess'").AssertSuccess();
            long id = (long)identity.Output.Single().Properties["IdentityId"].Value;
            var updated = env.Run("Set-TcOrgIdentity -IdentityId " + id + " -Description changed -PassThru").AssertSuccess();
            var granted = env.Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId " + id + " -PassThru").AssertSuccess();
            var regranted = env.Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId " + id + " -PassThru -SkipExisting -WarningAction SilentlyContinue").AssertSuccess();

            Assert.Equal("Created", Outcome(created.Output.Single()));
            var waited = reset.Output.Single();
            Assert.Equal("Success", waited.Properties["Status"].Value);
            Assert.Equal("Reconciled", Outcome(waited));
            Assert.Contains(reset.Warnings, w => w.Contains("Reconciled"));
            Assert.Equal("Existing", Outcome(existing.Output.Single()));
            Assert.Equal("Created", Outcome(deployed.Output.Single()));
            Assert.Equal("Removed", Outcome(removed.Output.Single()));
            Assert.Equal("Created", Outcome(identity.Output.Single()));
            Assert.Equal("Updated", Outcome(updated.Output.Single()));
            Assert.Equal("Created", Outcome(granted.Output.Single()));
            Assert.Equal("Existing", Outcome(regranted.Output.Single()));
        }

        [Fact]
        public async Task Every_object_the_zone_write_cmdlets_emit_has_an_Outcome_and_a_lost_CreateGroup_answer_is_Reconciled_with_a_warning()
        {
            await using var env = await ReliabilityEnv.StartAsync(o => o.RateLimitPerSecond = 0, "-RequestsPerSecond 1000 -MaxRetries 2");
            string Settled(string command) => Outcome(env.Run(command + " -Confirm:$false").AssertSuccess().Output.Single());

            var user = env.Run("New-TcOrgUser -UserName outcome.user -Confirm:$false").AssertSuccess().Output.Single();
            Assert.Equal("Created", Outcome(user));
            string userId = (string)user.Properties["UserId"].Value;
            Assert.Equal("Updated", Settled("Set-TcOrgUser -UserId " + userId + " -Description 'on call' -PassThru"));
            Assert.Equal("Existing", Settled("Set-TcOrgUser -UserId " + userId + " -Description 'on call' -PassThru")); // nothing to change
            Assert.Equal("Updated", Settled("Set-TcOrgUser -UserId " + userId + " -UserStatus Disabled -PassThru"));
            Assert.Equal("Created", Settled("New-TcOrgGroup -Name outcome-team"));
            Assert.Equal("Updated", Settled("Set-TcOrgGroup -GroupId g-emugroup0002 -Description 'renamed team' -PassThru"));
            Assert.Equal("Created", Settled("New-TcRoleConfiguration -Name outcome-rc"));
            Assert.Equal("Updated", Settled("Set-TcRoleConfiguration -RoleConfigurationId rc-emuconfig002 -SessionDuration 14400 -PassThru"));
            int updates = env.Emulator.Requests.ForAction("UpdateRoleConfiguration").Count;
            Assert.Equal("Existing", Settled("Set-TcRoleConfiguration -RoleConfigurationId rc-emuconfig002 -SessionDuration 14400 -PassThru")); // nothing to change
            Assert.Equal(updates, env.Emulator.Requests.ForAction("UpdateRoleConfiguration").Count);
            Assert.Equal("Created", Settled("Add-TcRoleConfigurationPolicy -RoleConfigurationId rc-emuconfig002 -PolicyName QcloudCAMFullAccess -PassThru"));
            Assert.All(env.Run("Get-TcOrgUser").AssertSuccess().Output, u => Assert.Null(u.Properties["Outcome"].Value)); // reads carry none

            env.Emulator.Faults.Add(new FaultRule { Action = "CreateGroup", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Count = 1 });
            var lost = env.Run("New-TcOrgGroup -Name lost-answer-team -Confirm:$false -Verbose").AssertSuccess();
            Assert.Equal("Reconciled", Outcome(lost.Output.Single()));
            Assert.Contains(lost.Warnings, w => w.Contains("lost-answer-team") && w.Contains("Reconciled"));
            Assert.Single(env.Emulator.State.Groups, g => g.GroupName == "lost-answer-team");
        }
    }
}
