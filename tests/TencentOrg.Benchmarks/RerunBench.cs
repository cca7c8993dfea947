using System;
using System.Collections.Generic;
using System.Linq;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// The everyday path of a nightly runbook, against the emulator at its default 20 req/s per action: waiting for
    /// 10,000 tasks, and rerunning 10,000 assignments and 2,000 grants that all exist already. Each is measured in
    /// calls and seconds beside its floor: the fewest calls the API allows (100 tasks or assignments per ListTasks or
    /// ListRoleAssignments page, 50 grants per DescribeOrganizationMemberAuthIdentities page) at 20 calls a second.
    /// The emulator's TaskDuration is 0 (a task is done the first time anything looks), so waiting measures the
    /// protocol, not made-up task time: one round.
    /// </summary>
    internal static class RerunBench
    {
        private const double RatePerSecond = 20;

        private const string CreateScript = @"
$script:tasks = & { foreach ($u in $users) { foreach ($m in $members) { [pscustomobject]@{ RoleConfigurationId = $rc; TargetUin = $m; PrincipalId = $u } } } } |
    New-TcRoleAssignment -ZoneId $zone
$script:tasks.Count";

        private const string WaitScript = @"
$script:n = 0
$script:tasks | Wait-TcOrgTask | ForEach-Object { $script:n++ }
$script:n";

        private const string RerunAssignScript = @"
$script:n = 0
& { foreach ($u in $users) { foreach ($m in $members) { [pscustomobject]@{ RoleConfigurationId = $rc; TargetUin = $m; PrincipalId = $u } } } } |
    New-TcRoleAssignment -ZoneId $zone -SkipExisting -WarningAction SilentlyContinue | ForEach-Object { $script:n++ }
$script:n";

        private const string GrantScript = @"
$script:n = 0
$members | Add-TcOrgMemberAuthIdentity -IdentityId $identity -PassThru {0} | ForEach-Object {{ $script:n++ }}
$script:n";

        public static void Run(Results results)
        {
            int assignments = Quick ? 2000 : 10000;
            int grants = Quick ? 400 : 2000;
            using var emulator = EmulatorProcess.Start(RatePerSecond, 2000, 50, taskSeconds: 0);
            var info = emulator.Info;
            using var runspace = BulkBench.Connect(info, requestsPerSecond: null);
            int userCount = assignments / info.MemberUins.Count;
            var assignVariables = new Dictionary<string, object?>
            {
                ["users"] = info.UserIds.Take(userCount).ToArray(), ["members"] = info.MemberUins.ToArray(),
                ["rc"] = info.RoleConfigurationIds[0], ["zone"] = info.ZoneId,
            };

            var created = BulkBench.Invoke(runspace, CreateScript, assignVariables);
            if (created.Count != assignments || created.Errors.Count > 0)
                throw new InvalidOperationException("setup: " + created.Count + " of " + assignments + " assignments created, " + created.Errors.Count + " error(s)");

            var before = emulator.Stats();
            var wait = BulkBench.Invoke(runspace, WaitScript, new Dictionary<string, object?>());
            var after = emulator.Stats();
            Row(results, "Wait-TcOrgTask x" + assignments + " (one round: TaskDuration 0)", wait, assignments,
                Calls(before, after, "ListTasks"), Pages(assignments, 100), "ListTasks",
                "GetTaskStatus " + Calls(before, after, "GetTaskStatus"));

            before = after;
            var rerun = BulkBench.Invoke(runspace, RerunAssignScript, assignVariables);
            after = emulator.Stats();
            Row(results, "New-TcRoleAssignment -SkipExisting rerun x" + assignments + " (all exist)", rerun, assignments,
                Calls(before, after, "ListRoleAssignments"), Pages(assignments, 100), "ListRoleAssignments",
                "writes " + Calls(before, after, "CreateRoleAssignment"), Calls(before, after, "CreateRoleAssignment") == 0, ", 0 writes");

            var grantVariables = new Dictionary<string, object?> { ["members"] = info.MemberUins.Take(grants).ToArray(), ["identity"] = info.IdentityIds[0] };
            var granted = BulkBench.Invoke(runspace, string.Format(GrantScript, ""), grantVariables);
            if (granted.Count != grants || granted.Errors.Count > 0)
                throw new InvalidOperationException("setup: " + granted.Count + " of " + grants + " grants made, " + granted.Errors.Count + " error(s)");
            before = emulator.Stats();
            var regrant = BulkBench.Invoke(runspace, string.Format(GrantScript, "-SkipExisting -WarningAction SilentlyContinue"), grantVariables);
            after = emulator.Stats();
            Row(results, "Add-TcOrgMemberAuthIdentity -SkipExisting rerun x" + grants + " (all granted)", regrant, grants,
                Calls(before, after, "DescribeOrganizationMemberAuthIdentities"), Pages(grants, 50), "DescribeOrganizationMemberAuthIdentities",
                "writes " + Calls(before, after, "CreateOrganizationMemberAuthIdentity"), Calls(before, after, "CreateOrganizationMemberAuthIdentity") == 0, ", 0 writes");
        }

        private static int Pages(int items, int pageSize) => (items + pageSize - 1) / pageSize;

        private static int Calls(Dictionary<string, int> before, Dictionary<string, int> after, string action) =>
            after.Where(p => p.Key.StartsWith(action + "/", StringComparison.Ordinal)).Sum(p => p.Value)
            - before.Where(p => p.Key.StartsWith(action + "/", StringComparison.Ordinal)).Sum(p => p.Value);

        /// <summary>Calls and seconds against the floor (floorCalls at 20/s); target: both within 1.5x, all items out, no error.</summary>
        private static void Row(Results results, string name, BulkBench.Run run, int items, int calls, int floorCalls, string action, string extra, bool extraOk = true, string extraTarget = "")
        {
            if (run.Terminating != null) Console.WriteLine("   terminating error: " + run.Terminating.Message);
            foreach (var e in run.Errors.Take(3)) Console.WriteLine("   error: " + e.FullyQualifiedErrorId + ": " + e);
            double floorSeconds = floorCalls / RatePerSecond;
            double callRatio = (double)calls / floorCalls, timeRatio = run.Seconds / floorSeconds;
            results.Add(name, run.Count + " out, " + run.Errors.Count + " errors; " + calls + " " + action + " (floor " + floorCalls + ") = " + F(callRatio, 2) + "x; "
                + F(run.Seconds, 2) + " s (floor " + F(floorSeconds, 2) + " s) = " + F(timeRatio, 2) + "x; " + extra,
                "<= 1.5x floor (calls and s), all items, 0 errors" + extraTarget,
                callRatio <= 1.5 && timeRatio <= 1.5 && run.Count == items && run.Errors.Count == 0 && run.Terminating == null && extraOk);
        }
    }
}
