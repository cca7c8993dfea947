using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security;
using TencentOrg.Emulator;
using TencentOrg.Services.Configuration;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Sync-TcOrgConfiguration of 10,000 role assignments into an empty zone, then the same sync again (a no-op),
    /// through the hosted engine against the emulator child at its default 20 requests/s per action.
    /// </summary>
    internal static class SyncBench
    {
        private const double Rate = 20;
        private const string SyncScript = "@(Sync-TcOrgConfiguration -Path $file -ZoneId $zone -Confirm:$false -ErrorAction Continue).Count";

        public static void Run(Results results)
        {
            int assignments = Quick ? 2000 : 10000;
            using var emulator = EmulatorProcess.Start(Rate, 2000, 50);
            var info = emulator.Info;
            int users = assignments / info.MemberUins.Count;
            // IDs only, as a runbook's generated baseline would be: no directory listing is needed.
            var desired = new OrgConfiguration
            {
                RoleAssignments = (from user in info.UserIds.Take(users)
                                   from member in info.MemberUins
                                   select new ConfigurationRoleAssignment
                                   {
                                       PrincipalId = user, PrincipalType = "User", RoleConfigurationId = info.RoleConfigurationIds[0],
                                       TargetType = "MemberUin", TargetUin = member,
                                   }).ToList(),
            };
            string file = Path.Combine(Path.GetTempPath(), "tcorg-bench-sync-" + Guid.NewGuid().ToString("N") + ".json");
            ConfigurationFile.WriteFile(file, desired);
            try
            {
                using var runspace = Connect(info);
                var variables = new Dictionary<string, object?> { ["file"] = file, ["zone"] = info.ZoneId };

                var before = emulator.Stats();
                var (count, seconds, errors) = Invoke(runspace, SyncScript, variables);
                var after = emulator.Stats();
                int creates = Delta(before, after, "CreateRoleAssignment/OK");
                int writes = Writes(before, after);
                double createFloor = Math.Ceiling(assignments / 50.0) / Rate;
                results.Add("Sync x" + assignments + " assignments into an empty zone (emulator 20 req/s)",
                    F(seconds, 2) + " s = " + F(seconds / createFloor, 2) + "x the create floor (" + Math.Ceiling(assignments / 50.0) + " calls at 20/s = " + F(createFloor)
                    + " s); " + creates + " CreateRoleAssignment, " + writes + " writes, " + count + " items, " + errors + " errors",
                    "<= 1.5x floor, all items, 0 errors", seconds <= 1.5 * createFloor && count == assignments && errors == 0 && writes == creates);

                before = after;
                (count, seconds, errors) = Invoke(runspace, SyncScript, variables);
                after = emulator.Stats();
                int listings = Delta(before, after, "ListRoleAssignments/OK");
                writes = Writes(before, after);
                double listFloor = Math.Ceiling(assignments / 100.0) / Rate;
                results.Add("No-op Sync x" + assignments + " assignments (emulator 20 req/s)",
                    F(seconds, 2) + " s = " + F(seconds / listFloor, 2) + "x the listing floor (" + Math.Ceiling(assignments / 100.0) + " ListRoleAssignments at 20/s = "
                    + F(listFloor) + " s); " + listings + " listings, " + writes + " writes, " + count + " items",
                    "<= 1.5x floor, 0 writes", seconds <= 1.5 * listFloor && writes == 0 && count == 0 && errors == 0);
            }
            finally
            {
                File.Delete(file);
            }
        }

        internal static int Delta(Dictionary<string, int> before, Dictionary<string, int> after, string key) =>
            after.GetValueOrDefault(key) - before.GetValueOrDefault(key);

        internal static int Writes(Dictionary<string, int> before, Dictionary<string, int> after) =>
            after.Where(p => p.Key.StartsWith("Create", StringComparison.Ordinal) || p.Key.StartsWith("Delete", StringComparison.Ordinal)
                || p.Key.StartsWith("Update", StringComparison.Ordinal)).Sum(p => p.Value - before.GetValueOrDefault(p.Key));

        internal static Runspace Connect(EmulatorInfo info)
        {
            var runspace = BenchEnvironment.OpenRunspace();
            BenchEnvironment.ImportOrThrow(runspace, BenchEnvironment.ModuleManifest);
            var key = new SecureString();
            foreach (char c in EmulatorCredential.Demo.SecretKey) key.AppendChar(c);
            var (_, _, errors) = Invoke(runspace, "Connect-TcOrg -SecretId $id -SecretKey $key -Endpoint $endpoint; 0",
                new Dictionary<string, object?> { ["id"] = EmulatorCredential.Demo.SecretId, ["key"] = key, ["endpoint"] = new Uri(info.Endpoint) });
            if (errors > 0) throw new InvalidOperationException("Connect-TcOrg failed.");
            return runspace;
        }

        internal static (int Count, double Seconds, int Errors) Invoke(Runspace runspace, string script, Dictionary<string, object?> variables)
        {
            foreach (var v in variables) runspace.SessionStateProxy.SetVariable(v.Key, v.Value);
            using var ps = PowerShell.Create();
            ps.Runspace = runspace;
            ps.AddScript(script);
            var clock = Stopwatch.StartNew();
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
            double seconds = clock.Elapsed.TotalSeconds;
            foreach (var e in ps.Streams.Error.Take(3)) Console.WriteLine("   error: " + e.FullyQualifiedErrorId + ": " + e);
            return (count, seconds, errors + ps.Streams.Error.Count);
        }
    }
}
