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
    
        [Fact]
        public void RoleConfigurationId_PrincipalId_and_IdentityId_complete_from_listings_cached_briefly()
        {
            Assert.Equal(new[] { "rc-emuconfig001", "rc-emuconfig002", "rc-emuconfig003", "rc-emuconfig004" }, Complete("New-TcRoleAssignment -RoleConfigurationId rc-emu"));
            Assert.Contains("g-emugroup0001", Complete("New-TcRoleAssignment -PrincipalId g-"));
            Assert.Contains("u-emuuser00001", Complete("Get-TcOrgTask -List -PrincipalId u-emuuser0000"));
            Assert.All(Complete("New-TcRoleAssignment -PrincipalId g-"), id => Assert.StartsWith("g-", id));
            int listed = Sent("ListRoleConfigurations").Count;
            Assert.Equal(4, Complete("Start-TcRoleProvisioning -RoleConfigurationId ").Length);
            Assert.Equal(listed, Sent("ListRoleConfigurations").Count);

            var id = (long)Prop(Assert.Single(Run("New-TcOrgIdentity -Name Completed -Policy '2:ReadOnlyAccess'").AssertSuccess().Output), "IdentityId")!;
            Assert.Contains(id.ToString(), Complete("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001 -IdentityId "));
        }

        [Fact]
        public void TaskId_completes_and_TaskType_completes_from_the_documented_kinds()
        {
            var task = Assert.Single(Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001").AssertSuccess().Output);
            Assert.Contains((string)Prop(task, "TaskId")!, Complete("Get-TcOrgTask -TaskId t-"));
            Assert.Equal(new[] { "CreateRoleAssignment", "DeleteRoleAssignment", "DeprovisionRoleConfiguration", "ProvisionRoleConfiguration" }, Complete("Get-TcOrgTask -List -TaskType "));
        }

        [Fact]
        public void TaskType_Bogus_is_a_validation_error_before_any_request_and_any_case_is_sent_in_the_API_case()
        {
            AssertRejected(Run("Get-TcOrgTask -List -TaskType Bogus"), "CreateRoleAssignment");
            Run("Get-TcOrgTask -List -TaskType createroleassignment").AssertSuccess();
            Assert.Contains("\"TaskType\":\"CreateRoleAssignment\"", Assert.Single(Sent("ListTasks")).Body);
        }

        [Fact]
        public void Without_any_credential_completion_is_silent_and_empty()
        {
            using var bare = new Infrastructure.PsRunner();
            var result = bare.Run("(TabExpansion2 -inputScript 'New-TcRoleAssignment -RoleConfigurationId rc-' -cursorColumn 45).CompletionMatches");
            Assert.Null(result.Terminating);
            Assert.Empty(result.Errors);
            Assert.Empty(result.Output);
        }
    }
}
