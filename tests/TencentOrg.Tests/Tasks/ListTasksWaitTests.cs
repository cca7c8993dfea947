using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Tasks
{
    /// <summary>
    /// Waiting follows up to 100 tasks per ListTasks call; only a task no listing shows is read with GetTaskStatus.
    /// Time is the emulator's ManualClock, moved by each ListTasks answer, so nothing sleeps on fake task time.
    /// </summary>
    public class ListTasksWaitTests : CmdletTestBase
    {
        private readonly ManualClock _clock = new ManualClock();

        // 20 users x 50 members: 1,000 assignments of one configuration, so 1,000 tasks.
        private const string Assign1000 = "New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001"
            + " -PrincipalId (1..20 | ForEach-Object { 'u-emuuser{0:d5}' -f $_ }) -TargetUin (1..50 | ForEach-Object { 100000000000 + $_ })";

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.Clock = _clock;
            options.TaskDuration = TimeSpan.FromSeconds(25);
            options.GeneratedMemberCount = 200;
            options.TaskFailures.Add(new TaskFailureRule { RoleConfigurationId = "rc-emuconfig001", TargetUin = 100000000007, PrincipalId = "u-emuuser00003", FailureReason = "Role quota reached." });
            // Every ListTasks answer moves the service's clock one second: a round of 10 calls is 10 s of task time.
            _clock.StepAfterAction["ListTasks"] = TimeSpan.FromSeconds(1);
        }

        [Fact]
        public void Wait_on_1000_tasks_lists_100_per_call_each_round_and_reads_none_one_by_one()
        {
            var result = Run(Assign1000 + " | Wait-TcOrgTask");
            Assert.Null(result.Terminating);
            // Created at one instant, done 25 s later: rounds of 10 calls at 0-9 s, 10-19 s, 20-29 s (the last 5 pages see
            // them done), then 5 calls for the 500 still pending, listed first (oldest first): the listing stops once it saw them all.
            Assert.Equal(35, SentCount("ListTasks"));
            Assert.Empty(Sent("GetTaskStatus"));
            Assert.Equal(999, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            var failed = Assert.Single(result.Errors);
            Assert.Equal("TaskFailed,TencentOrg.WaitTcOrgTaskCommand", failed.FullyQualifiedErrorId);
            Assert.Equal("Role quota reached.", PSObject.AsPSObject(failed.TargetObject).Properties["FailureReason"].Value);
            Assert.Contains(result.Progress, p => p.StatusDescription == "500 of 1000 task(s) finished");
            Assert.Contains(result.Progress, p => p.StatusDescription == "1000 of 1000 task(s) finished");

            var filter = JsonDocument.Parse(Sent("ListTasks")[0].Body).RootElement;
            Assert.Equal(100, filter.GetProperty("MaxResults").GetInt64());
            Assert.Equal("rc-emuconfig001", filter.GetProperty("RoleConfigurationId").GetString());
            Assert.Equal("CreateRoleAssignment", filter.GetProperty("TaskType").GetString());
            Assert.Equal("User", filter.GetProperty("PrincipalType").GetString());
            Assert.False(filter.TryGetProperty("Status", out _));
        }

        [Fact]
        public void New_TcRoleAssignment_Wait_follows_all_batches_together_in_input_order()
        {
            var result = Run(Assign1000 + " -Wait");
            Assert.Null(result.Terminating);
            Assert.Equal(20, SentCount("CreateRoleAssignment"));
            Assert.Equal(35, SentCount("ListTasks"));
            Assert.Empty(Sent("GetTaskStatus"));
            Assert.Equal(999, result.Output.Count);
            Assert.Equal("Role quota reached.", PSObject.AsPSObject(Assert.Single(result.Errors).TargetObject).Properties["FailureReason"].Value);
            var order = result.Output.Select(t => (string)Prop(t, "PrincipalId")! + "@" + (long)Prop(t, "TargetUin")!).ToList();
            var expected = Enumerable.Range(1, 20).SelectMany(u => Enumerable.Range(1, 50).Select(m => "u-emuuser" + u.ToString("D5") + "@" + (100000000000L + m)))
                .Where(k => k != "u-emuuser00003@100000000007").ToList();
            Assert.Equal(expected, order);
            Assert.Contains(result.Progress, p => p.StatusDescription == "1000 of 1000 task(s) finished");
        }

        [Fact]
        public void A_large_group_is_listed_per_principal_side_by_side_at_the_same_call_count()
        {
            Emulator.Options.TaskDuration = TimeSpan.Zero;
            _clock.StepAfterAction.Clear();
            var result = Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig002 -PrincipalId (1..5 | ForEach-Object { 'u-emuuser{0:d5}' -f $_ })"
                + " -TargetUin (1..200 | ForEach-Object { 100000000000 + $_ }) -Wait").AssertSuccess();
            Assert.Equal(1000, result.Output.Count);
            // One round: five listings of two pages each (one per principal) instead of one chain of ten pages.
            Assert.Equal(10, SentCount("ListTasks"));
            Assert.Empty(Sent("GetTaskStatus"));
            var principals = Sent("ListTasks").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("PrincipalId").GetString()).ToList();
            Assert.Equal(5, principals.Distinct().Count());
            Assert.All(principals.GroupBy(p => p), g => Assert.Equal(2, g.Count()));
        }

        [Fact]
        public void Tasks_the_listing_no_longer_shows_and_only_those_are_read_with_GetTaskStatus()
        {
            Emulator.Options.TaskDuration = TimeSpan.Zero;
            Emulator.Options.ListTasksRetention = TimeSpan.FromSeconds(60);
            _clock.StepAfterAction.Clear();
            var old = Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001,u-emuuser00002"
                + " -TargetUin (1..50 | ForEach-Object { 100000000000 + $_ })").AssertSuccess().Output;
            _clock.Advance(TimeSpan.FromSeconds(120));
            var recent = Run("New-TcRoleAssignment -ZoneId z-emulator0001 -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00004,u-emuuser00005,u-emuuser00006"
                + " -TargetUin (1..50 | ForEach-Object { 100000000000 + $_ })").AssertSuccess().Output;
            Emulator.Requests.Clear();

            var result = Run("$tasks | Wait-TcOrgTask", new System.Collections.Generic.Dictionary<string, object?> { ["tasks"] = old.Concat(recent).ToArray() }).AssertSuccess();
            Assert.Equal(250, result.Output.Count);
            Assert.All(result.Output, t => Assert.Equal("Success", Prop(t, "Status")));
            Assert.Equal(2, SentCount("ListTasks"));
            var polled = Sent("GetTaskStatus").Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("TaskId").GetString()).OrderBy(id => id);
            Assert.Equal(old.Select(t => (string)Prop(t, "TaskId")!).OrderBy(id => id), polled);
        }

        [Fact]
        public void A_task_no_listing_shows_and_no_read_confirms_is_never_Success()
        {
            var result = Run("Wait-TcOrgTask -ZoneId z-emulator0001 -TaskId t-notlisted001,t-notlisted002 -TimeoutSeconds 30");
            Assert.Empty(result.Output);
            Assert.Equal(2, result.Errors.Count);
            Assert.All(result.Errors, e => Assert.StartsWith("ResourceNotFound.RoleConfigurationTaskNotFound,", e.FullyQualifiedErrorId));
            Assert.Equal(1, SentCount("ListTasks"));
            Assert.Equal(2, SentCount("GetTaskStatus"));
        }
    }
}
