using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Threading;
using TencentOrg.Emulator;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Bulk pipelines through the real cmdlets: the engine is hosted here, out/TencentOrg is imported by its
    /// manifest, items are produced by a script block and piped in; the emulator runs in a child process.
    /// </summary>
    internal static class BulkBench
    {
        private const string AssignScript = @"
$script:n = 0
& { foreach ($u in $users) { foreach ($m in $members) { [pscustomobject]@{ RoleConfigurationId = $rc; TargetUin = $m; PrincipalId = $u } } } } |
    New-TcRoleAssignment -ZoneId $zone | ForEach-Object { $script:n++ }
$script:n";

        private const string GrantScript = @"
$script:n = 0
$members | Add-TcOrgMemberAuthIdentity -IdentityId $identity -PassThru | ForEach-Object { $script:n++ }
$script:n";

        /// <summary>10,000 assignments and 2,000 member grants at the emulator's default 20 req/s and Connect-TcOrg's default budget.</summary>
        public static void RunThroughput(Results results)
        {
            int assignments = Quick ? 2000 : 10000;
            int grants = Quick ? 400 : 2000;
            using var emulator = EmulatorProcess.Start(20, 2000, 50);
            var info = emulator.Info;
            using var runspace = Connect(info, requestsPerSecond: null);

            // Assignments: users x members, first permission configuration.
            int userCount = assignments / info.MemberUins.Count;
            var before = emulator.Stats();
            var run = Invoke(runspace, AssignScript, new Dictionary<string, object?>
            {
                ["users"] = info.UserIds.Take(userCount).ToArray(), ["members"] = info.MemberUins.ToArray(),
                ["rc"] = info.RoleConfigurationIds[0], ["zone"] = info.ZoneId,
            });
            var after = emulator.Stats();
            Report(results, "New-TcRoleAssignment x" + assignments, run, assignments, ceilingPerSecond: 1000, Delta(before, after, "CreateRoleAssignment"));

            before = after;
            run = Invoke(runspace, GrantScript, new Dictionary<string, object?>
            {
                ["members"] = info.MemberUins.Take(grants).ToArray(), ["identity"] = info.IdentityIds[0],
            });
            after = emulator.Stats();
            Report(results, "Add-TcOrgMemberAuthIdentity x" + grants, run, grants, ceilingPerSecond: 200, Delta(before, after, "CreateOrganizationMemberAuthIdentity"));
        }

        private const string IdentityScript = @"
$script:n = 0
& { foreach ($i in 1..$count) { [pscustomobject]@{ Name = ""Throttled$i""; Policy = '2:ReadOnlyAccess' } } } |
    New-TcOrgIdentity | ForEach-Object { $script:n++ }
$script:n";

        /// <summary>
        /// 500 identities at 20 req/s with 10% of all answers RequestLimitExceeded at random: the floor is the create calls made
        /// (throttled ones included) at 20/s; recovery must keep at least 80% of it, with no error to the user.
        /// </summary>
        public static void RunThrottled(Results results)
        {
            int identities = Quick ? 200 : 500;
            // The same run without throttling first: what this machine reaches at all, for reading the throttled figure.
            using (var calm = EmulatorProcess.Start(20, 50, 20))
            using (var calmRunspace = Connect(calm.Info, requestsPerSecond: null))
            {
                var reference = Invoke(calmRunspace, IdentityScript, new Dictionary<string, object?> { ["count"] = identities });
                results.Add("New-TcOrgIdentity x" + identities + ", no throttling (reference)", F(reference.Seconds, 1) + " s vs floor " + F(identities / 20.0, 1)
                    + " s = " + F(100 * identities / 20.0 / reference.Seconds, 0) + "% of 20/s", "(reference)", null);
            }
            using var emulator = EmulatorProcess.Start(20, 50, 20, throttledFraction: 0.1);
            using var runspace = Connect(emulator.Info, requestsPerSecond: null);
            var before = emulator.Stats();
            var run = Invoke(runspace, IdentityScript, new Dictionary<string, object?> { ["count"] = identities });
            var after = emulator.Stats();
            int created = after.GetValueOrDefault("CreateOrganizationIdentity/OK") - before.GetValueOrDefault("CreateOrganizationIdentity/OK");
            int throttled = Delta(before, after, "CreateOrganizationIdentity");
            int calls = created + throttled;
            double floor = calls / 20.0;
            if (run.Terminating != null) Console.WriteLine("   terminating error: " + run.Terminating.Message);
            foreach (var e in run.Errors.Take(3)) Console.WriteLine("   error: " + e.FullyQualifiedErrorId + ": " + e);
            results.Add("New-TcOrgIdentity x" + identities + ", 10% throttled (emulator 20 req/s)", F(run.Seconds, 1) + " s vs floor " + F(floor, 1)
                + " s (" + calls + " create calls / 20 per s) = " + F(100 * floor / run.Seconds, 0) + "% of the granted rate; " + throttled + " throttled",
                ">= 80% of floor", floor / run.Seconds >= 0.8 && run.Count == identities);
            results.Add("New-TcOrgIdentity x" + identities + ", 10% throttled: errors to user / identities created", run.Errors.Count + " / " + created,
                "0 / all", run.Errors.Count == 0 && run.Terminating == null && created == identities);
        }

        /// <summary>100,000 piped assignments with rate limits off on both sides (Connect-TcOrg's maximum budget, 1000/s): memory must stay flat.</summary>
        public static void RunMemory(Results results)
        {
            int items = Quick ? 20000 : 100000;
            using var emulator = EmulatorProcess.Start(0, 2000, 50);
            var info = emulator.Info;
            using var runspace = Connect(info, requestsPerSecond: 1000);

            // Warm-up on another permission configuration, so JIT and caches are in the baseline.
            Invoke(runspace, AssignScript, new Dictionary<string, object?>
            {
                ["users"] = info.UserIds.Take(1).ToArray(), ["members"] = info.MemberUins.Take(500).ToArray(),
                ["rc"] = info.RoleConfigurationIds[2], ["zone"] = info.ZoneId,
            });

            var self = Process.GetCurrentProcess();
            long baseHeap = GC.GetTotalMemory(true);
            self.Refresh();
            long baseWs = self.WorkingSet64;
            long peakHeap = baseHeap, peakWs = baseWs;
            using var stop = new ManualResetEventSlim();
            var sampler = new Thread(() =>
            {
                int tick = 0;
                while (!stop.Wait(250))
                {
                    // A full collection every 500 ms: the live heap, not garbage waiting for the next GC.
                    if (++tick % 2 == 0) peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(true));
                    self.Refresh();
                    peakWs = Math.Max(peakWs, self.WorkingSet64);
                }
            }) { IsBackground = true };
            sampler.Start();

            int users = items / info.MemberUins.Count;
            var run = Invoke(runspace, AssignScript, new Dictionary<string, object?>
            {
                ["users"] = info.UserIds.Take(users).ToArray(), ["members"] = info.MemberUins.ToArray(),
                ["rc"] = info.RoleConfigurationIds[1], ["zone"] = info.ZoneId,
            });
            stop.Set();
            sampler.Join();
            peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(true));

            double heapMb = (peakHeap - baseHeap) / 1048576.0, wsMb = (peakWs - baseWs) / 1048576.0;
            results.Add("Streaming x" + items + " assignments (limits off): items out / errors", run.Count + " / " + run.Errors.Count
                + " in " + F(run.Seconds) + " s (" + F(run.Count / run.Seconds, 0) + "/s)", "all, 0 errors", run.Count == items && run.Errors.Count == 0);
            results.Add("Streaming x" + items + ": peak managed heap growth", F(heapMb) + " MB (working set +" + F(wsMb) + " MB)", "< 50 MB", heapMb < 50);
        }

        internal sealed class Run
        {
            public int Count;
            public double Seconds;
            public List<ErrorRecord> Errors = new();
            public Exception? Terminating;
        }

        internal static Runspace Connect(EmulatorInfo info, double? requestsPerSecond)
        {
            var runspace = BenchEnvironment.OpenRunspace();
            BenchEnvironment.ImportOrThrow(runspace, BenchEnvironment.ModuleManifest);
            var key = new SecureString();
            foreach (char c in EmulatorCredential.Demo.SecretKey) key.AppendChar(c);
            var connect = Invoke(runspace, "Connect-TcOrg -SecretId $id -SecretKey $key -Endpoint $endpoint" + (requestsPerSecond is { } r ? " -RequestsPerSecond " + r : ""),
                new Dictionary<string, object?> { ["id"] = EmulatorCredential.Demo.SecretId, ["key"] = key, ["endpoint"] = new Uri(info.Endpoint) });
            if (connect.Errors.Count > 0 || connect.Terminating != null)
                throw new InvalidOperationException("Connect-TcOrg failed: " + (connect.Terminating?.Message ?? connect.Errors[0].ToString()));
            return runspace;
        }

        internal static Run Invoke(Runspace runspace, string script, Dictionary<string, object?> variables)
        {
            foreach (var v in variables) runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var run = new Run();
            var sw = Stopwatch.StartNew();
            try
            {
                var output = ps.Invoke();
                if (output.Count > 0 && output[^1]?.BaseObject is int n) run.Count = n;
            }
            catch (RuntimeException ex)
            {
                run.Terminating = ex;
            }
            run.Seconds = sw.Elapsed.TotalSeconds;
            run.Errors.AddRange(ps.Streams.Error);
            return run;
        }

        private static int Delta(Dictionary<string, int> before, Dictionary<string, int> after, string action)
        {
            string key = action + "/RequestLimitExceeded";
            return after.GetValueOrDefault(key) - before.GetValueOrDefault(key);
        }

        private static void Report(Results results, string name, Run run, int items, double ceilingPerSecond, int serverLimitErrors)
        {
            if (run.Terminating != null) Console.WriteLine("   terminating error: " + run.Terminating.Message);
            foreach (var e in run.Errors.Take(3)) Console.WriteLine("   error: " + e.FullyQualifiedErrorId + ": " + e);
            double rate = run.Count / run.Seconds;
            int limitErrors = run.Errors.Count(e => e.FullyQualifiedErrorId.Contains("RequestLimitExceeded", StringComparison.Ordinal)
                || (e.Exception?.Message ?? "").Contains("RequestLimitExceeded", StringComparison.Ordinal));
            results.Add(name + " throughput (emulator 20 req/s)", F(rate, 0) + "/s = " + F(100 * rate / ceilingPerSecond, 1) + "% of " + F(ceilingPerSecond, 0)
                + "/s ceiling (" + run.Count + " out in " + F(run.Seconds, 2) + " s)", ">= 90% and all items", rate >= 0.9 * ceilingPerSecond && run.Count == items);
            results.Add(name + " errors to user (RequestLimitExceeded) / server throttled", run.Errors.Count + " (" + limitErrors + ") / " + serverLimitErrors,
                "0 to user", run.Errors.Count == 0 && run.Terminating == null);
        }
    }
}
