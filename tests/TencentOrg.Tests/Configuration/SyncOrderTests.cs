using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>
    /// Issue 17, Must show 8: Sync removes nothing on a hope. A remove whose replacing add failed is Skipped; -ErrorAction
    /// Stop sends nothing after the first failure and returns with nothing in flight; a remove lost in transport is read
    /// back; a change someone else already made is Done. Through the module's manifest, on the emulator.
    /// </summary>
    public class SyncOrderTests : ConfigurationFileTestBase
    {
        protected override string ConnectArguments => "-RequestsPerSecond 1000 -MaxRetries 1";

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            var assignments = Enumerable.Range(1, 10).Select(m => Row("rc-emuconfig001", m, "Group", "g-emugroup0001"))
                .Concat(Enumerable.Range(1, 10).Select(m => Row("rc-emuconfig002", m, "User", "u-emuuser00001"))).ToArray();
            options.SeedFile = SeedFile(new { RoleAssignments = assignments });
        }

        private static string Uin(int member) => (100000000000L + member).ToString();

        /// <summary>The zone's assignments as exported, changed by edit, written back to the file.</summary>
        private void ExportAndEdit(Action<JsonArray> edit)
        {
            Run("Export-TcOrgConfiguration -Path $file -Include RoleAssignments", FileVariable).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(File_))!;
            edit(json["RoleAssignments"]!.AsArray());
            File.WriteAllText(File_, json.ToJsonString());
            Emulator.Requests.Clear();
        }

        private static JsonNode Find(JsonArray rows, string config, int member, string principal) =>
            rows.Single(r => (string)r!["RoleConfigurationId"]! == config && (long)r["TargetUin"]! == 100000000000L + member && (string)r["PrincipalId"]! == principal)!;

        private static JsonObject ById(string config, int member, string principal) => new JsonObject
        {
            ["PrincipalId"] = principal, ["RoleConfigurationId"] = config, ["TargetUin"] = 100000000000L + member,
        };

        private static string Outcome(System.Management.Automation.PSObject item) => (string)Prop(item, "Outcome")!;

        [Fact]
        public void A_remove_whose_replacing_add_failed_is_Skipped_and_not_sent()
        {
            // group0001 moves from rc-emuconfig001 to rc-emuconfig003 on member 1 (the new task fails); member 10 of user00001 is dropped.
            Emulator.Options.TaskFailures.Add(new TaskFailureRule { RoleConfigurationId = "rc-emuconfig003", TaskType = "CreateRoleAssignment" });
            ExportAndEdit(rows =>
            {
                var moved = Find(rows, "rc-emuconfig001", 1, "g-emugroup0001").AsObject();
                moved.Remove("RoleConfiguration");
                moved["RoleConfigurationId"] = "rc-emuconfig003";
                rows.Remove(Find(rows, "rc-emuconfig002", 10, "u-emuuser00001"));
            });

            var result = Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", FileVariable);

            var items = result.Output.ToDictionary(p => Prop(p, "Action") + " " + Prop(p, "Key"), p => p);
            Assert.Equal(3, items.Count);
            var add = items.Single(i => i.Key.StartsWith("Add ")).Value;
            Assert.Equal("Failed", Outcome(add));
            var kept = items.Single(i => i.Key.StartsWith("Remove ") && i.Key.Contains("rc-emuconfig001")).Value;
            Assert.Equal("Skipped", Outcome(kept));
            Assert.Contains("the add that replaces it", (string)Prop(kept, "Error")!);
            Assert.Contains("rc-emuconfig003", (string)Prop(kept, "Error")!);
            var dropped = items.Single(i => i.Key.StartsWith("Remove ") && i.Key.Contains("rc-emuconfig002")).Value;
            Assert.Equal("Done", Outcome(dropped));
            // One error (the add); one delete (the unrelated one); the group keeps its access on member 1.
            Assert.Single(result.Errors);
            Assert.Equal(1, SentCount("DeleteRoleAssignment"));
            Assert.Contains(Emulator.State.RoleAssignments, a => a.RoleConfigurationId == "rc-emuconfig001" && a.TargetUin == 100000000001 && a.PrincipalId == "g-emugroup0001");
        }

        [Fact]
        public void ErrorAction_Stop_sends_nothing_after_the_first_failure_and_returns_with_nothing_in_flight()
        {
            // Three adds in one batch that the service refuses (the batch fails and is split, the first alone fails too),
            // plus a removal. The refusal is injected: every ID in the file is known, so the module's own checks pass.
            Emulator.Faults.Add(new FaultRule { Action = "CreateRoleAssignment", Kind = FaultKind.BusinessError, Value = "ResourceNotFound.UserNotExist", Count = 2 });
            ExportAndEdit(rows =>
            {
                rows.Add(ById("rc-emuconfig003", 1, "g-emugroup0003"));
                rows.Add(ById("rc-emuconfig003", 2, "g-emugroup0003"));
                rows.Add(ById("rc-emuconfig003", 3, "g-emugroup0003"));
                rows.Remove(Find(rows, "rc-emuconfig002", 10, "u-emuuser00001"));
            });

            var result = Run("try { Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false -ErrorAction Stop } catch { 'caught: ' + $_.FullyQualifiedErrorId }", FileVariable);
            int sentAtReturn = Emulator.Requests.Count;

            Assert.Contains(result.Output, o => o.BaseObject is string s && s.StartsWith("caught: ResourceNotFound.UserNotExist"));
            // The batch of 3, then the failing item alone: nothing after it, no delete.
            Assert.Equal(2, SentCount("CreateRoleAssignment"));
            Assert.Equal(0, SentCount("DeleteRoleAssignment"));
            Assert.DoesNotContain(Emulator.State.RoleAssignments, a => a.PrincipalId == "g-emugroup0003");
            // Nothing was left in flight to reach the server after the caller caught the error.
            Thread.Sleep(500);
            Assert.Equal(sentAtReturn, Emulator.Requests.Count);

            // Without -ErrorAction Stop the others still go through.
            Emulator.Requests.Clear();
            Emulator.Faults.Add(new FaultRule { Action = "CreateRoleAssignment", Kind = FaultKind.BusinessError, Value = "ResourceNotFound.UserNotExist", Count = 2 });
            var goOn = Run("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false", FileVariable);
            Assert.Equal(new[] { "Failed", "Started", "Started", "Started" }, goOn.Output.Select(Outcome));
            Assert.Equal(1, SentCount("DeleteRoleAssignment"));
        }

        [Fact]
        public void ErrorAction_Stop_returns_only_when_no_write_is_in_flight_and_sends_one_remove_after_which_nothing()
        {
            // Six removals. The first delete to arrive is refused after 300 ms; any other is answered only after 1 s, so a
            // delete sent beside the failing one (or after it) is still in flight when the failure is known.
            ExportAndEdit(rows =>
            {
                for (int m = 5; m <= 10; m++) rows.Remove(Find(rows, "rc-emuconfig002", m, "u-emuuser00001"));
            });
            Emulator.Faults.Add(new FaultRule { Action = "DeleteRoleAssignment", Kind = FaultKind.BusinessError, Value = "ResourceNotFound.UserNotExist", Count = 1, Delay = TimeSpan.FromMilliseconds(300) });
            Emulator.Faults.Add(new FaultRule { Action = "DeleteRoleAssignment", Kind = FaultKind.Slow, Delay = TimeSpan.FromSeconds(1) });

            var result = Run("try { Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false -ErrorAction Stop } catch { 'caught: ' + $_.FullyQualifiedErrorId }", FileVariable);
            // The log records a request when it is answered: what is answered after this point was in flight at return.
            int answeredAtReturn = Emulator.Requests.Count;
            int assignmentsAtReturn = Emulator.State.RoleAssignments.Count;
            Thread.Sleep(1500);
            Assert.Equal(answeredAtReturn, Emulator.Requests.Count);
            Assert.Equal(assignmentsAtReturn, Emulator.State.RoleAssignments.Count);

            Assert.Contains(result.Output, o => o.BaseObject is string s && s.StartsWith("caught: ResourceNotFound.UserNotExist"));
            // One delete, the failing one: nothing was sent beside it or after it, and nothing was removed.
            Assert.Equal(1, SentCount("DeleteRoleAssignment"));
            Assert.Equal(20, Emulator.State.RoleAssignments.Count);
        }

        [Theory]
        [InlineData(FaultPhase.AfterHandling, "Done", true)]
        [InlineData(FaultPhase.BeforeHandling, "Failed", false)]
        public void A_remove_whose_every_attempt_was_lost_in_transport_is_read_back(FaultPhase phase, string outcome, bool gone)
        {
            ExportAndEdit(rows => rows.Remove(Find(rows, "rc-emuconfig002", 10, "u-emuuser00001")));
            // Every answer to DeleteRoleAssignment is lost: after the first delete (AfterHandling), or before any (BeforeHandling).
            Emulator.Faults.Add(new FaultRule { Action = "DeleteRoleAssignment", Kind = FaultKind.ConnectionReset, Phase = phase });

            var result = Run("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false -Verbose", FileVariable);

            var item = Assert.Single(result.Output);
            Assert.Equal(outcome, Outcome(item));
            Assert.Equal(2, SentCount("DeleteRoleAssignment"));
            Assert.Contains(result.Verbose, v => v.Contains("reconciling: reading back"));
            Assert.Equal(!gone, Emulator.State.RoleAssignments.Any(a => a.RoleConfigurationId == "rc-emuconfig002" && a.TargetUin == 100000000010));
            if (gone) Assert.Empty(result.Errors);
            else Assert.Contains("still present", Assert.Single(result.Errors).Exception.Message);
        }

        [Fact]
        public async Task A_change_someone_else_made_meanwhile_is_Done_with_a_verbose_note()
        {
            ExportAndEdit(rows =>
            {
                rows.Add(ById("rc-emuconfig003", 5, "g-emugroup0003"));
                rows.Remove(Find(rows, "rc-emuconfig002", 10, "u-emuuser00001"));
            });
            // The listing is answered 1.5 s late; meanwhile another admin makes the same two changes.
            Emulator.Faults.Add(new FaultRule { Action = "ListRoleAssignments", Kind = FaultKind.Slow, Phase = FaultPhase.AfterHandling, Delay = TimeSpan.FromSeconds(1.5), Count = 1 });
            var sync = Task.Run(() => Run("Sync-TcOrgConfiguration -Path $file -Prune -Confirm:$false -Verbose", FileVariable));
            SpinWait.SpinUntil(() => Emulator.Faults.InjectedCount == 1, TimeSpan.FromSeconds(20));
            var other = new EmulatorTestClient(Emulator);
            await other.CallAsync("CreateRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[{\"RoleConfigurationId\":\"rc-emuconfig003\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000005,\"PrincipalType\":\"Group\",\"PrincipalId\":\"g-emugroup0003\"}]}");
            await other.CallAsync("DeleteRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleConfigurationId\":\"rc-emuconfig002\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000010,\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\"}");
            var result = await sync;

            Assert.Empty(result.Errors);
            Assert.Equal(new[] { "Done", "Done" }, result.Output.Select(Outcome));
            Assert.Equal(2, result.Verbose.Count(v => v.Contains("someone else made the same change")));
            // The module's own writes were sent and refused: the state matches the file.
            Assert.Equal(2, SentCount("CreateRoleAssignment"));
            Assert.Equal(2, SentCount("DeleteRoleAssignment"));
            Assert.Empty(Run("Compare-TcOrgConfiguration -Path $file", FileVariable).AssertSuccess().Output);
        }
    }
}
