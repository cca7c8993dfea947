using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Module
{
    /// <summary>
    /// -Debug shows the HTTP trace and the verbose lines without asking: PowerShell makes -Debug Inquire for verbose
    /// records, which prompts at every line and fails a -NonInteractive runbook. The test host fails on any prompt.
    /// </summary>
    public class DebugSwitchTests : CmdletTestBase
    {
        [Fact]
        public void Debug_writes_trace_and_verbose_lines_without_a_prompt()
        {
            Emulator.Faults.Add(new FaultRule { Action = "DescribeOrganizationMembers", Kind = FaultKind.Http503, Count = 1 });

            var result = Run("Get-TcOrgMember -MemberUin 100000000001 -Debug").AssertSuccess();

            Assert.Empty(Ps.Host.Recorder.PromptCaptions);
            Assert.Single(result.Output);
            Assert.Contains(result.Debug, d => d.Contains("X-TC-Action: DescribeOrganizationMembers"));
            Assert.Contains(result.Verbose, v => v.Contains("retry 1/"));
        }

        [Fact]
        public void An_explicit_DebugPreference_Inquire_is_still_respected()
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(1); // Yes to All
            Run("$DebugPreference = 'Inquire'; Get-TcOrgMember -MemberUin 100000000001 | Out-Null").AssertSuccess();
            Assert.NotEmpty(Ps.Host.Recorder.PromptCaptions);
        }
    }
}
