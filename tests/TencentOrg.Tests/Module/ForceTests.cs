using System.Linq;
using System.IO;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// Issue 20 item 5: -Force on every Remove- cmdlet and on Sync-TcOrgConfiguration -Prune skips the confirmation their
    /// ConfirmImpact High asks for by default; -WhatIf (switch or preference) still wins and an explicit -Confirm still asks.
    /// The test host fails on any prompt nobody queued an answer for.
    /// </summary>
    public class ForceTests : CmdletTestBase
    {
        private const string Unique = "$n = [guid]::NewGuid().ToString('N').Substring(0, 8); ";
        private const string Identity = "$id = (New-TcOrgIdentity -Name ForceTest -Policy '1:AdministratorAccess' -Confirm:$false).IdentityId; ";

        public static TheoryData<string, string, string> Commands => new TheoryData<string, string, string>
        {
            { Identity, "Remove-TcOrgIdentity -IdentityId $id", "DeleteOrganizationIdentity" },
            { Identity + "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $id -Confirm:$false; ",
                "Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $id", "DeleteOrganizationMemberAuthIdentity" },
            { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -Confirm:$false | Out-Null; ",
                "Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001", "DeleteRoleAssignment" },
            { Unique + "$u = (New-TcOrgUser -UserName force.$n -Confirm:$false).UserId; ", "Remove-TcOrgUser -UserId $u", "DeleteUser" },
            { Unique + "$g = (New-TcOrgGroup -Name force-$n -Confirm:$false).GroupId; ", "Remove-TcOrgGroup -GroupId $g", "DeleteGroup" },
            { "Add-TcOrgGroupMember -GroupId g-emugroup0001 -UserId u-emuuser00005 -Confirm:$false | Out-Null; ",
                "Remove-TcOrgGroupMember -GroupId g-emugroup0001 -UserId u-emuuser00005", "RemoveUserFromGroup" },
            { Unique + "$rc = (New-TcRoleConfiguration -Name force-$n -Confirm:$false).RoleConfigurationId; ",
                "Remove-TcRoleConfiguration -RoleConfigurationId $rc", "DeleteRoleConfiguration" },
            { Unique + "$rc = (New-TcRoleConfiguration -Name force-$n -Confirm:$false).RoleConfigurationId; "
                + "Add-TcRoleConfigurationPolicy -RoleConfigurationId $rc -PolicyName QcloudCAMFullAccess -Confirm:$false; ",
                "Remove-TcRoleConfigurationPolicy -RoleConfigurationId $rc -PolicyName QcloudCAMFullAccess", "RemovePermissionPolicyFromRoleConfiguration" },
            { Identity + "$file = [IO.Path]::GetTempFileName(); [IO.File]::WriteAllText($file, '{ \"SchemaVersion\": 1, \"PruneScope\": \"All\", \"Identities\": [] }'); ",
                "Sync-TcOrgConfiguration -Path $file -Prune", "DeleteOrganizationIdentity" },
        };

        private int Sends(string setup, string command, string action)
        {
            Run(setup).AssertSuccess();
            int before = Sent(action).Count;
            Run(command);
            return Sent(action).Count - before;
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void Force_removes_without_a_prompt(string setup, string command, string action)
        {
            int sent = Sends(setup, command + " -Force", action);
            Assert.Empty(Ps.Host.Recorder.PromptCaptions);
            Assert.True(sent >= 1, command + " -Force sent no " + action);
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void Without_Force_the_default_asks(string setup, string command, string action)
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(3); // No to All
            int sent = Sends(setup, command, action);
            Assert.NotEmpty(Ps.Host.Recorder.PromptCaptions);
            Assert.Equal(0, sent);
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void WhatIf_still_wins_over_Force(string setup, string command, string action)
        {
            Run(setup).AssertSuccess();
            int before = Sent(action).Count;
            var result = Run(command + " -Force -WhatIf");
            Assert.Contains("What if:", result.HostText);
            result = Run("$WhatIfPreference = $true; " + command + " -Force; $WhatIfPreference = $false");
            Assert.Contains("What if:", result.HostText);
            Assert.Empty(Ps.Host.Recorder.PromptCaptions);
            Assert.Equal(before, Sent(action).Count);
        }

        [Theory]
        [MemberData(nameof(Commands))]
        public void An_explicit_Confirm_still_asks_with_Force(string setup, string command, string action)
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(3);
            int sent = Sends(setup, command + " -Force -Confirm", action);
            Assert.NotEmpty(Ps.Host.Recorder.PromptCaptions);
            Assert.Equal(0, sent);
        }

        [Fact]
        public void Every_Remove_cmdlet_of_the_module_has_Force_and_is_tried_above()
        {
            var removes = Run("(Get-Command -Module TencentOrg -Verb Remove).Name").AssertSuccess().Output.Select(o => o.BaseObject.ToString()!).ToList();
            Assert.True(removes.Count >= 8, string.Join(", ", removes));
            var tried = Commands.Select(row => ((string)row[1]).Split(' ')[0]).ToHashSet();
            Assert.All(removes, remove => Assert.Contains(remove, tried));
            Assert.Empty(Run("Get-Command -Module TencentOrg -Verb Remove | Where-Object { -not $_.Parameters.ContainsKey('Force') }").AssertSuccess().Output);
        }
    }
}
