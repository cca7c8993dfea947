using System.Linq;
using Xunit;

namespace TencentOrg.Tests.Module
{
    public class CompletionTests : CmdletTestBase
    {
        private string[] Complete(string line) =>
            Run("(TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText",
                new System.Collections.Generic.Dictionary<string, object?> { ["line"] = line }).AssertSuccess().Output.Where(o => o != null).Select(o => o.BaseObject.ToString()!).OrderBy(t => t).ToArray();

        [Fact]
        public void TargetType_and_PrincipalType_complete_from_their_sets()
        {
            Assert.Equal(new[] { "ManagerUin", "MemberUin" }, Complete("New-TcRoleAssignment -TargetType "));
            Assert.Equal(new[] { "ManagerUin" }, Complete("Start-TcRoleProvisioning -TargetType Ma"));
            Assert.Equal(new[] { "Group", "User" }, Complete("New-TcRoleAssignment -PrincipalType "));
        }

        [Fact]
        public void ZoneId_completes_with_the_session_zone()
        {
            Assert.Equal(new[] { Zone }, Complete("New-TcRoleAssignment -ZoneId "));
            Assert.Equal(new[] { Zone }, Complete("Wait-TcOrgTask -ZoneId z-e"));
            Assert.Empty(Complete("Get-TcOrgTask -ZoneId z-x"));
            Assert.Single(Sent("DescribeIdentityCenter"));
        }
    }
}
