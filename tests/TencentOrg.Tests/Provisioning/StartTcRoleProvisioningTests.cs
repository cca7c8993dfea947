using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Provisioning
{
    public class StartTcRoleProvisioningTests : CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.TaskPollsToComplete = 1;
            options.TaskFailures.Add(new TaskFailureRule { TargetUin = 100000000006, TaskType = "ProvisionRoleConfiguration", FailureReason = "Account 100000000006 is frozen." });
        }

        [Fact]
        public void Emits_a_RoleTask_with_normalized_Status()
        {
            var result = Run("Start-TcRoleProvisioning -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig002 -TargetType MemberUin -TargetUin 100000000004").AssertSuccess();
            var task = Assert.Single(result.Output);
            Assert.Equal("TencentOrg.RoleTask", task.TypeNames[0]);
            Assert.Equal("InProgress", Prop(task, "Status"));
            Assert.Equal("ProvisionRoleConfiguration", Prop(task, "TaskType"));
            Assert.StartsWith("t-", (string)Prop(task, "TaskId")!);
            Assert.Equal(Zone, Prop(task, "ZoneId"));
            Assert.Equal(100000000004L, Prop(task, "TargetUin"));
        }

        [Fact]
        public void Rows_bind_by_property_name()
        {
            var result = Run(@"
[pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig001'; MemberUin = 100000000001 },
[pscustomobject]@{ RoleConfigurationId = 'rc-emuconfig002'; TargetUin = 100000000002; TargetType = 'MemberUin' } | Start-TcRoleProvisioning").AssertSuccess();
            Assert.Equal(2, result.Output.Count);
            var sent = Sent("ProvisionRoleConfiguration").Select(r => JsonDocument.Parse(r.Body).RootElement)
                .Select(b => b.GetProperty("RoleConfigurationId").GetString() + "@" + b.GetProperty("TargetUin").GetInt64()).OrderBy(s => s);
            Assert.Equal(new[] { "rc-emuconfig001@100000000001", "rc-emuconfig002@100000000002" }, sent);
        }

        [Fact]
        public void Wait_returns_the_finished_task_and_reports_a_failed_one()
        {
            var result = Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig004 -TargetUin 100000000005,100000000006 -Wait");
            var done = Assert.Single(result.Output);
            Assert.Equal("Success", Prop(done, "Status"));
            Assert.Equal(100000000005L, Prop(done, "TargetUin"));
            var error = Assert.Single(result.Errors);
            Assert.Equal("TaskFailed,TencentOrg.StartTcRoleProvisioningCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Account 100000000006 is frozen.", error.Exception.Message);
            // Both tasks followed by one listing a round until they finish (the first listing counts as a look).
            Assert.Equal(2, Sent("ListTasks").Count);
            Assert.Empty(Sent("GetTaskStatus"));
        }

        [Fact]
        public void Unknown_configuration_is_an_error_per_target()
        {
            var result = Run("Start-TcRoleProvisioning -RoleConfigurationId rc-nosuchconfig -TargetUin 100000000001,100000000002");
            Assert.Empty(result.Output);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.EndsWith(",TencentOrg.StartTcRoleProvisioningCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.ObjectNotFound, e.CategoryInfo.Category));
        }

        [Theory]
        [InlineData("-RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001 -TargetType Account", "MemberUin,ManagerUin")]
        [InlineData("-RoleConfigurationId emuconfig001 -TargetUin 100000000001", "permission configuration ID")]
        [InlineData("-RoleConfigurationId rc-emuconfig001 -TargetUin 0", "UIN")]
        [InlineData("-ZoneId z-1 -RoleConfigurationId rc-emuconfig001 -TargetUin 100000000001", "CIC zone ID")]
        public void Invalid_parameters_send_nothing(string arguments, string message) =>
            AssertRejected(Run("Start-TcRoleProvisioning " + arguments), message);
    }
}
