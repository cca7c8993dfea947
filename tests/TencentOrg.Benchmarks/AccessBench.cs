using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using System.Text.Json;
using System.Threading;
using TencentOrg.Emulator;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Get-TcOrgAccess of a zone with 10,000 users, 500 groups of 20 members, 20 configurations and 20,000 assignments
    /// (10,000 to users, 10,000 to groups: 210,000 paths), through the hosted engine against the emulator child at its
    /// default 20 requests/s per action. Floor: the listing with the most calls at 20/s (the listings of different
    /// actions run side by side). Peak working set of this process (the emulator is a child) sampled every 250 ms.
    /// </summary>
    internal static class AccessBench
    {
        private const double Rate = 20;
        private const int Members = 100, Configurations = 20, GroupSize = 20;

        public static void Run(Results results)
        {
            int users = Quick ? 2000 : 10000, groups = Quick ? 100 : 500;
            int assignments = 2 * users;
            string seed = WriteSeed(users, groups, out int deployments);
            try
            {
                using var emulator = EmulatorProcess.Start(Rate, Members, users, seedFile: seed);
                var info = emulator.Info;
                using var runspace = Connect(info);
                var calls = new Dictionary<string, int>
                {
                    ["ListUsers"] = Pages(users), ["ListGroups"] = Pages(groups), ["ListGroupMembers"] = groups,
                    ["ListRoleConfigurations"] = Pages(Configurations), ["ListPermissionPoliciesInRoleConfiguration"] = Configurations,
                    ["ListRoleAssignments"] = Pages(assignments), ["ListRoleConfigurationProvisionings"] = Pages(deployments),
                };
                var longest = calls.OrderByDescending(c => c.Value).First();
                double floor = longest.Value / Rate;

                var self = Process.GetCurrentProcess();
                GC.Collect();
                self.Refresh();
                long baseWs = self.WorkingSet64, peakWs = baseWs;
                using var stop = new ManualResetEventSlim();
                var sampler = new Thread(() =>
                {
                    while (!stop.Wait(250))
                    {
                        self.Refresh();
                        peakWs = Math.Max(peakWs, self.WorkingSet64);
                    }
                }) { IsBackground = true };
                sampler.Start();
                var before = emulator.Stats();
                var clock = Stopwatch.StartNew();
                var (paths, errors) = Invoke(runspace, "$n = 0; Get-TcOrgAccess -ZoneId $zone | ForEach-Object { $n++ }; $n",
                    new Dictionary<string, object?> { ["zone"] = info.ZoneId });
                double seconds = clock.Elapsed.TotalSeconds;
                stop.Set();
                sampler.Join();
                var after = emulator.Stats();
                int sent = after.Sum(p => p.Value) - before.Sum(p => p.Value);
                int expectedPaths = users + groups * GroupSize * (assignments - users) / groups;
                results.Add("Get-TcOrgAccess of " + users + " users, " + groups + " groups, " + assignments + " assignments (emulator 20 req/s)",
                    F(seconds, 1) + " s = " + F(seconds / floor, 2) + "x the listing floor (" + longest.Value + " " + longest.Key + " at 20/s = " + F(floor)
                    + " s); " + sent + " calls (" + calls.Values.Sum() + " expected), " + paths + " paths, " + errors + " errors; peak working set "
                    + F(peakWs / 1048576.0, 0) + " MB (" + F(baseWs / 1048576.0, 0) + " MB before)",
                    "<= 1.5x floor, < 300 MB, all paths", seconds <= 1.5 * floor && peakWs < 300L * 1048576 && paths == expectedPaths && errors == 0
                        && sent == calls.Values.Sum());
            }
            finally
            {
                File.Delete(seed);
            }
        }

        private static int Pages(int rows) => Math.Max(1, (rows + 99) / 100);

        /// <summary>
        /// Users u-..., groups of 20 consecutive users, 20 configurations with two policies each; user i is assigned
        /// configuration i % 20 on account i % 100, group g configuration (g + k) % 20 on 20 accounts; every pair in use deployed.
        /// </summary>
        private static string WriteSeed(int users, int groups, out int deployments)
        {
            string Id(string prefix, int i) => prefix + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
            long Uin(int i) => EmulatorSeed.FirstMemberUin + i % Members;
            var assignments = new List<object>();
            var pairs = new HashSet<(int, long)>();
            for (int i = 0; i < users; i++)
            {
                assignments.Add(new { RoleConfigurationId = Id("rc-bench", i % Configurations), TargetType = "MemberUin", TargetUin = Uin(i), PrincipalType = "User", PrincipalId = Id("u-bench", i) });
                pairs.Add((i % Configurations, Uin(i)));
            }
            int perGroup = users / groups;
            for (int g = 0; g < groups; g++)
                for (int k = 0; k < perGroup; k++)
                {
                    assignments.Add(new { RoleConfigurationId = Id("rc-bench", (g + k) % Configurations), TargetType = "MemberUin", TargetUin = Uin(g + k * 5), PrincipalType = "Group", PrincipalId = Id("g-bench", g) });
                    pairs.Add(((g + k) % Configurations, Uin(g + k * 5)));
                }
            deployments = pairs.Count;
            var seed = new
            {
                Users = Enumerable.Range(0, users).Select(i => new { UserId = Id("u-bench", i), UserName = Id("bench", i), UserStatus = i % 50 == 0 ? "Disabled" : "Enabled" }),
                Groups = Enumerable.Range(0, groups).Select(g => new
                {
                    GroupId = Id("g-bench", g), GroupName = Id("benchgroup", g),
                    UserIds = Enumerable.Range(g * GroupSize % users, GroupSize).Select(i => Id("u-bench", i % users)),
                }),
                RoleConfigurations = Enumerable.Range(0, Configurations).Select(c => BenchSeed.Configuration(Id("rc-bench", c), Id("bench", c))),
                RoleAssignments = assignments,
                Provisionings = pairs.Select(p => new { RoleConfigurationId = Id("rc-bench", p.Item1), TargetType = "MemberUin", TargetUin = p.Item2, DeploymentStatus = "Deployed" }),
            };
            string file = Path.Combine(Path.GetTempPath(), "tcorg-bench-access-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, JsonSerializer.Serialize(seed));
            return file;
        }

        private static Runspace Connect(EmulatorInfo info)
        {
            var runspace = BenchEnvironment.OpenRunspace();
            BenchEnvironment.ImportOrThrow(runspace, BenchEnvironment.ModuleManifest);
            var key = new SecureString();
            foreach (char c in EmulatorCredential.Demo.SecretKey) key.AppendChar(c);
            var (_, errors) = Invoke(runspace, "Connect-TcOrg -SecretId $id -SecretKey $key -Endpoint $endpoint; 0",
                new Dictionary<string, object?> { ["id"] = EmulatorCredential.Demo.SecretId, ["key"] = key, ["endpoint"] = new Uri(info.Endpoint) });
            if (errors > 0) throw new InvalidOperationException("Connect-TcOrg failed.");
            return runspace;
        }

        private static (int Count, int Errors) Invoke(Runspace runspace, string script, Dictionary<string, object?> variables)
        {
            foreach (var v in variables) runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            int count = 0, errors = 0;
            try
            {
                var output = ps.Invoke();
                if (output.Count > 0 && output[^1]?.BaseObject is int n) count = n;
            }
            catch (RuntimeException ex)
            {
                Console.WriteLine("   terminating error: " + ex.Message);
                errors++;
            }
            foreach (var e in ps.Streams.Error.Take(3)) Console.WriteLine("   error: " + e.FullyQualifiedErrorId + ": " + e);
            return (count, errors + ps.Streams.Error.Count);
        }
    }
}
