using System.Linq;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.RoleAssignments
{
    /// <summary>Get- and Remove-TcRoleAssignment, and Get-TcOrgTask -List over the tasks they leave.</summary>
    public class RoleAssignmentCmdletTests : Module.CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            // 15 users x 10 members = 150 assignments: two pages of 100.
            var assignments = (from user in Enumerable.Range(1, 15)
                               from member in Enumerable.Range(1, 10)
                               select new
                               {
                                   RoleConfigurationId = "rc-emuconfig001",
                                   TargetType = "MemberUin",
                                   TargetUin = 100000000000L + member,
                                   PrincipalType = "User",
                                   PrincipalId = "u-emuuser" + user.ToString("00000"),
                               }).ToArray();
            var deployed = Enumerable.Range(1, 10).Select(member => new
            {
                RoleConfigurationId = "rc-emuconfig001", TargetType = "MemberUin", TargetUin = 100000000000L + member, DeploymentStatus = "Deployed",
            }).ToArray();
            options.SeedFile = SeedFile(new { RoleAssignments = assignments, Provisionings = deployed });
        }

        [Fact]
        public void Get_reads_every_page_and_carries_every_key()
        {
            var all = Run("Get-TcRoleAssignment").AssertSuccess();
            Assert.Equal(150, all.Output.Count);
            Assert.Equal(2, SentCount("ListRoleAssignments"));
            var first = all.Output[0];
            Assert.Equal("TencentOrg.RoleAssignment", first.TypeNames[0]);
            foreach (var key in new[] { "ZoneId", "RoleConfigurationId", "TargetType", "TargetUin", "PrincipalType", "PrincipalId", "RoleConfigurationName", "PrincipalName", "TargetName" })
                Assert.NotNull(Prop(first, key));

            Emulator.Requests.Clear();
            Assert.Equal(5, Run("Get-TcRoleAssignment -First 5").AssertSuccess().Output.Count);
            Assert.Equal(1, SentCount("ListRoleAssignments"));
        }

        [Fact]
        public void Get_filters_by_target_principal_and_from_the_pipeline()
        {
            Assert.Equal(15, Run("Get-TcRoleAssignment -TargetUin 100000000001").AssertSuccess().Output.Count);
            Assert.Equal(10, Run("Get-TcRoleAssignment -PrincipalId u-emuuser00003").AssertSuccess().Output.Count);
            Assert.Equal(10, Run("Get-TcOrgUser -Filter user00003 | Get-TcRoleAssignment").AssertSuccess().Output.Count);
            Assert.Equal(30, Run("Get-TcOrgMember -MemberUin 100000000001,100000000002 | Get-TcRoleAssignment").AssertSuccess().Output.Count);
            Assert.Empty(Run("Get-TcRoleAssignment -RoleConfigurationId rc-emuconfig002").AssertSuccess().Output);
        }

        [Fact]
        public void Chain_Get_assignments_of_a_member_into_Remove_WhatIf_sends_nothing_and_names_each()
        {
            var result = Run("Get-TcRoleAssignment -TargetUin 100000000001 | Remove-TcRoleAssignment -WhatIf").AssertSuccess();
            Assert.Equal(0, SentCount("DeleteRoleAssignment"));
            Assert.Equal(150, Emulator.State.RoleAssignments.Count);
            var lines = result.HostText.Split('\n').Where(l => l.StartsWith("What if:")).ToList();
            Assert.Equal(15, lines.Count);
            for (int user = 1; user <= 15; user++)
                Assert.Contains(lines, l => l.Contains("User u-emuuser" + user.ToString("00000")) && l.Contains("MemberUin 100000000001"));
        }

        [Fact]
        public void Remove_Confirm_asks_per_assignment()
        {
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            Run("Get-TcRoleAssignment -TargetUin 100000000002 -First 2 | Remove-TcRoleAssignment").AssertSuccess();
            Assert.Equal(2, Ps.Host.Recorder.PromptCaptions.Count);
            Assert.Equal(1, SentCount("DeleteRoleAssignment"));
            Assert.Equal(149, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void Remove_takes_arrays_like_New_every_principal_on_every_account_one_request_each()
        {
            Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig003 -PrincipalId u-emuuser00005,g-emugroup0005 -TargetUin 100000000008,100000000009 -Wait").AssertSuccess();
            Emulator.Requests.Clear();
            var result = Run("Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig003 -PrincipalId u-emuuser00005,g-emugroup0005 -TargetUin 100000000008,100000000009 -Confirm:$false").AssertSuccess();
            Assert.Equal(4, result.Output.Count);
            Assert.Equal(4, SentCount("DeleteRoleAssignment"));
            Assert.DoesNotContain(Emulator.State.RoleAssignments, a => a.RoleConfigurationId == "rc-emuconfig003"
                && (a.TargetUin == 100000000008 || a.TargetUin == 100000000009) && (a.PrincipalId == "u-emuuser00005" || a.PrincipalId == "g-emugroup0005"));
        }

        [Fact]
        public void Remove_Wait_with_deprovision_strategy_undeploys_the_last_one()
        {
            var result = Run("Get-TcRoleAssignment -TargetUin 100000000003 | Remove-TcRoleAssignment -DeprovisionStrategy DeprovisionForLastRoleAssignmentOnAccount -Wait -Confirm:$false").AssertSuccess();
            Assert.Equal(15, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            Assert.All(result.Output, t => Assert.Equal("TencentOrg.RoleTask", t.TypeNames[0]));
            Assert.DoesNotContain(Emulator.State.RoleAssignments, a => a.TargetUin == 100000000003);
            Assert.DoesNotContain(Emulator.State.Provisionings, p => p.TargetUin == 100000000003);
            Assert.Contains("DeprovisionForLastRoleAssignmentOnAccount", Emulator.Requests.ForAction("DeleteRoleAssignment")[0].Body);
        }

        [Fact]
        public void Remove_unknown_assignment_is_an_error_naming_it_and_validation_sends_nothing()
        {
            var result = Run("Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001 -PrincipalId u-emuuser00001 -Confirm:$false");
            var error = SingleError(result, "ResourceNotFound.RoleConfigurationAuthorizationNotFound", "RemoveTcRoleAssignmentCommand");
            var target = Assert.IsType<RoleAssignmentInfo>(error.TargetObject);
            Assert.Equal("u-emuuser00001", target.PrincipalId);
            Assert.Equal("rc-emuconfig002", target.RoleConfigurationId);
            Assert.Contains("u-emuuser00001", target.ToString());
            Assert.Contains("rc-emuconfig002", target.ToString());

            Emulator.Requests.Clear();
            var invalid = Run("Remove-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001 -PrincipalType Group -PrincipalId u-emuuser00001 -Confirm:$false");
            Assert.Equal("InvalidArgument,TencentOrg.RemoveTcRoleAssignmentCommand", Assert.Single(invalid.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, SentCount("DeleteRoleAssignment"));
        }

        [Fact]
        public void Task_list_pages_and_filters_the_removal_tasks()
        {
            Run("Get-TcRoleAssignment -PrincipalId u-emuuser00001 | Remove-TcRoleAssignment -Confirm:$false").AssertSuccess();
            Run("Get-TcRoleAssignment -First 110 | Remove-TcRoleAssignment -Confirm:$false").AssertSuccess();
            Emulator.Requests.Clear();
            var tasks = Run("Get-TcOrgTask -List -TaskType DeleteRoleAssignment").AssertSuccess();
            Assert.Equal(Emulator.State.Tasks.Count, tasks.Output.Count);
            Assert.True(tasks.Output.Count > 100);
            Assert.Equal(2, SentCount("ListTasks"));
            Assert.Equal(10, Run("Get-TcOrgTask -List -PrincipalId u-emuuser00001 -First 10").AssertSuccess().Output.Count);
        }
    }
}
