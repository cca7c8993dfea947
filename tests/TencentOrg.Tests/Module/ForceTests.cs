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
        private const string Identity = "$id = (New-TcOrgIdentity -Name ForceTest -Policy '1:AdministratorAccess' -Confirm:$false).IdentityId; ";

        public static TheoryData<string, string, string> Commands => new TheoryData<string, string, string>
        {
            { Identity, "Remove-TcOrgIdentity -IdentityId $id", "DeleteOrganizationIdentity" },
            { Identity + "Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $id -Confirm:$false; ",
                "Remove-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId $id", "DeleteOrganizationMemberAuthIdentity" },
            { "New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001 -Confirm:$false | Out-Null; ",
                "Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001", "DeleteRoleAssignment" },
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
    }
}
