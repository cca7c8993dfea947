using System.Linq;
using System.Text.Json;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>-WhatIf sends nothing (not even zone discovery) and says what would change; -Confirm asks per item.</summary>
    public class ShouldProcessTests : CmdletTestBase
    {
        [Theory]
        [InlineData("New-TcOrgIdentity -Name Auditors -Policy '2:ReadOnlyAccess;1:AdministratorAccess' -WhatIf",
            "What if: Performing the operation \"Create organization identity\" on target \"Name: Auditors; Policies: 2:ReadOnlyAccess, 1:AdministratorAccess\".")]
        [InlineData("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId 101,102 -WhatIf",
            "What if: Performing the operation \"Grant organization identities 101,102\" on target \"Member account 100000000002\".")]
        [InlineData("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000003 -WhatIf",
            "What if: Performing the operation \"Assign permission configuration rc-emuconfig001 to Group g-emugroup0001\" on target \"MemberUin 100000000003\".")]
        [InlineData("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000004 -WhatIf",
            "What if: Performing the operation \"Deploy permission configuration rc-emuconfig002\" on target \"MemberUin 100000000004\".")]
        [InlineData("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0001 -TargetUin 100000000003 -Wait -WhatIf",
            "on target \"MemberUin 100000000003\".")]
        public void WhatIf_sends_no_request_and_describes_the_change(string script, string expected)
        {
            var result = Run(script).AssertSuccess();
            Assert.Empty(result.Output);
            Assert.Contains(expected, result.HostText);
            Assert.Equal(0, Emulator.Requests.Count);
        }

        [Fact]
        public void WhatIf_for_a_pipeline_lists_every_item()
        {
            var result = Run("1..3 | ForEach-Object { [pscustomobject]@{ Name = \"Team$_\"; Policy = '1:AdministratorAccess' } } | New-TcOrgIdentity -WhatIf").AssertSuccess();
            Assert.Equal(3, result.HostText.Split('\n').Count(l => l.StartsWith("What if:")));
            Assert.Contains("Name: Team3;", result.HostText);
            Assert.Equal(0, Emulator.Requests.Count);
        }

        [Fact]
        public void Confirm_asks_per_identity_and_skips_the_declined_one()
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            var result = Run("1..3 | ForEach-Object { [pscustomobject]@{ Name = \"Team$_\"; Policy = '1:AdministratorAccess' } } | New-TcOrgIdentity -Confirm").AssertSuccess();
            Assert.Equal(3, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Equal(new[] { "Team1", "Team3" }, Sent("CreateOrganizationIdentity").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("IdentityAliasName").GetString()).OrderBy(n => n));
            Assert.Equal(2, result.Output.Count);
        }

        [Fact]
        public void Confirm_asks_per_assignment_and_sends_only_the_accepted_ones()
        {
            foreach (var answer in new[] { 0, 2, 0 }) Ps.Host.Recorder.ChoiceAnswers.Enqueue(answer);
            Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001,100000000002,100000000003 -Confirm").AssertSuccess();
            Assert.Equal(3, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Contains("MemberUin 100000000002", Ps.Host.Recorder.PromptCaptions[1]);
            var sent = JsonDocument.Parse(Assert.Single(Sent("CreateRoleAssignment")).Body).RootElement.GetProperty("RoleAssignmentInfo")
                .EnumerateArray().Select(i => i.GetProperty("TargetUin").GetInt64());
            Assert.Equal(new long[] { 100000000001, 100000000003 }, sent);
        }

        [Fact]
        public void Confirm_No_to_all_grants_nothing_and_sends_nothing()
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(3);
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001,100000000002 -IdentityId 1 -Confirm").AssertSuccess();
            Assert.Single(Ps.Host.Recorder.PromptCaptions);
            Assert.Equal(0, Emulator.Requests.Count);
        }

        [Fact]
        public void Confirm_asks_per_provisioning_target()
        {
            foreach (var answer in new[] { 2, 0 }) Ps.Host.Recorder.ChoiceAnswers.Enqueue(answer);
            Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001,100000000002 -Confirm").AssertSuccess();
            Assert.Equal(2, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Contains("\"TargetUin\":100000000002", Assert.Single(Sent("ProvisionRoleConfiguration")).Body);
        }
    }
}
