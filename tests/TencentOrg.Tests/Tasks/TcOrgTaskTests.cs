using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Tasks
{
    public class TcOrgTaskTests : CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.TaskPollsToComplete = 1;
            options.TaskFailures.Add(new TaskFailureRule { TargetUin = 100000000003, FailureReason = "Permission configuration too large." });
        }

        [Fact]
        public void Get_TcOrgTask_reads_piped_tasks_and_lists()
        {
            var result = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001,100000000002 | Get-TcOrgTask").AssertSuccess();
            Assert.Equal(2, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("InProgress", Prop(t, "Status")));
            Assert.Equal(2, Sent("GetTaskStatus").Count);

            // A listing counts as a look in the emulator's poll counting; keep the tasks running for the Status filter.
            Emulator.Options.TaskPollsToComplete = int.MaxValue;
            var listed = Run("Get-TcOrgTask -List -Status InProgress").AssertSuccess();
            Assert.Equal(2, listed.Output.Count);
        }

        [Fact]
        public void Wait_TcOrgTask_follows_many_tasks_with_progress_and_reports_failures()
        {
            var result = Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId g-emugroup0002 -TargetUin (1..12 | ForEach-Object { 100000000000 + $_ }) | Wait-TcOrgTask");
            Assert.Equal(11, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            var error = Assert.Single(result.Errors);
            Assert.Equal("TaskFailed,TencentOrg.WaitTcOrgTaskCommand", error.FullyQualifiedErrorId);
            Assert.Contains("Permission configuration too large.", error.Exception.Message);
            Assert.Equal("Permission configuration too large.", PSObject.AsPSObject(error.TargetObject).Properties["FailureReason"].Value);
            // One listing shows all 12 InProgress, the next one finished: two rounds with backoff, none per task.
            Assert.Equal(2, Sent("ListTasks").Count);
            Assert.Empty(Sent("GetTaskStatus"));
            Assert.Contains(result.Progress, p => p.StatusDescription == "12 of 12 task(s) finished");
            Assert.Contains(result.Progress, p => p.RecordType == ProgressRecordType.Completed);
        }

        [Fact]
        public void Wait_TcOrgTask_times_out_with_an_error_per_task()
        {
            Emulator.Options.TaskPollsToComplete = 1000;
            var watch = Stopwatch.StartNew();
            var result = Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000001,100000000002 | Wait-TcOrgTask -TimeoutSeconds 1");
            Assert.Empty(result.Output);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.Equal("TaskTimeout,TencentOrg.WaitTcOrgTaskCommand", e.FullyQualifiedErrorId));
            Assert.All(result.Errors, e => Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category));
            // The timeout was honoured (a lower bound, not a speed claim).
            Assert.True(watch.Elapsed.TotalSeconds >= 0.9, "gave up before -TimeoutSeconds 1: " + watch.Elapsed);
        }

        [Fact]
        public void Wait_TcOrgTask_by_TaskId_and_validation()
        {
            var id = (string)Prop(Assert.Single(Run("Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin 100000000004").AssertSuccess().Output), "TaskId")!;
            var done = Run("Wait-TcOrgTask -TaskId " + id + " -ZoneId z-emulator0001").AssertSuccess();
            Assert.Equal("Success", Prop(Assert.Single(done.Output), "Status"));
            Emulator.Requests.Clear();
            AssertRejected(Run("Wait-TcOrgTask -TaskId task-1"), "task ID");
        }
    }
}
