using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>
    /// 500-item bulk runs of each create cmdlet under each injected fault (BeforeHandling and AfterHandling mixed):
    /// every input ends done (present in the emulator exactly once) or as an error naming it; nothing lost, nothing twice.
    /// </summary>
    public class BulkFaultTests
    {
        private const int Items = 500;
        private const int Users = 25;
        private const int MembersPerUser = Items / Users;
        private readonly ITestOutputHelper _output;

        public BulkFaultTests(ITestOutputHelper output) { _output = output; }

        public static IEnumerable<object[]> Runs()
        {
            foreach (var cmdlet in new[] { "New-TcOrgIdentity", "Add-TcOrgMemberAuthIdentity", "New-TcRoleAssignment", "Start-TcRoleProvisioning" })
                foreach (var fault in new[] { "5xx", "reset", "hang", "throttle-injected", "throttle-limiter", "malformed-json", "internal-error" })
                    yield return new object[] { cmdlet, fault };
        }

        private static string CreateAction(string cmdlet) => cmdlet switch
        {
            "New-TcOrgIdentity" => "CreateOrganizationIdentity",
            "Add-TcOrgMemberAuthIdentity" => "CreateOrganizationMemberAuthIdentity",
            "New-TcRoleAssignment" => "CreateRoleAssignment",
            _ => "ProvisionRoleConfiguration",
        };

        /// <summary>Per-call fault chance: batched cmdlets make few create calls, so they get more of them faulted.</summary>
        private static double Probability(string cmdlet) => cmdlet switch
        {
            "Add-TcOrgMemberAuthIdentity" => 0.1,
            "New-TcRoleAssignment" => 0.12,
            _ => 0.05,
        };

        [Theory]
        [MemberData(nameof(Runs))]
        public async Task Bulk_run_under_faults_loses_nothing_and_duplicates_nothing(string cmdlet, string fault)
        {
            bool limiter = fault == "throttle-limiter";
            string connect = limiter ? "-RequestsPerSecond 200 -MaxRetries 10"
                : fault == "hang" ? "-RequestsPerSecond 1000 -TimeoutSec 1"
                : "-RequestsPerSecond 1000";
            await using var env = await ReliabilityEnv.StartAsync(o =>
            {
                o.GeneratedMemberCount = 600;
                o.GeneratedUserCount = Users;
                // The real limiter run keeps the server's own limit below the client's budget; the others lift it.
                o.RateLimitPerSecond = limiter ? 100 : 0;
            }, connect);
            var emulator = env.Emulator;
            long firstUin = EmulatorSeed.FirstMemberUin;
            var uins = Enumerable.Range(0, Items).Select(i => firstUin + i).ToArray();

            // Set-up without faults.
            long identityId = 0;
            if (cmdlet == "Add-TcOrgMemberAuthIdentity")
            {
                var made = env.Run("New-TcOrgIdentity -Name 'BulkGrant' -Policy '2:ReadOnlyAccess'").AssertSuccess();
                identityId = (long)made.Output.Single().Properties["IdentityId"].Value;
            }
            var names = Enumerable.Range(1, Items).Select(i => "bulk-" + i.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var rows = new List<PSObject>();
            for (int u = 1; u <= Users; u++)
                for (int m = 0; m < MembersPerUser; m++)
                {
                    var row = new PSObject();
                    row.Properties.Add(new PSNoteProperty("RoleConfigurationId", "rc-emuconfig001"));
                    row.Properties.Add(new PSNoteProperty("TargetUin", firstUin + m));
                    row.Properties.Add(new PSNoteProperty("PrincipalId", "u-emuuser" + u.ToString("D5", System.Globalization.CultureInfo.InvariantCulture)));
                    rows.Add(row);
                }

            AddFaults(emulator, cmdlet, fault);
            int baseline = emulator.Requests.Count;
            var clock = Stopwatch.StartNew();
            string script = cmdlet switch
            {
                "New-TcOrgIdentity" => "$names | ForEach-Object { [pscustomobject]@{ Name = $_ } } | New-TcOrgIdentity -Policy '2:ReadOnlyAccess' -Verbose",
                "Add-TcOrgMemberAuthIdentity" => "$uins | Add-TcOrgMemberAuthIdentity -IdentityId $identityId -PassThru -Verbose",
                "New-TcRoleAssignment" => "$rows | New-TcRoleAssignment -Verbose",
                _ => "Start-TcRoleProvisioning -RoleConfigurationId rc-emuconfig002 -TargetUin $uins -Verbose",
            };
            var result = env.Run(script, new Dictionary<string, object?>
            {
                ["names"] = names, ["uins"] = uins, ["identityId"] = identityId, ["rows"] = rows.ToArray(),
            });
            clock.Stop();
            Assert.Null(result.Terminating);

            // Inputs as keys; what the output, the errors and the emulator's state say about each.
            List<string> inputs;
            Func<PSObject, string> doneKey;
            Func<object?, string?> errorKey;
            Dictionary<string, int> stateCount;
            switch (cmdlet)
            {
                case "New-TcOrgIdentity":
                    inputs = names.ToList();
                    doneKey = o => (string)o.Properties["Name"].Value;
                    errorKey = t => t?.ToString();
                    stateCount = emulator.State.Identities.GroupBy(i => i.IdentityAliasName).ToDictionary(g => g.Key, g => g.Count());
                    break;
                case "Add-TcOrgMemberAuthIdentity":
                    inputs = uins.Select(u => u.ToString()).ToList();
                    doneKey = o => o.Properties["MemberUin"].Value.ToString()!;
                    errorKey = t => t?.ToString();
                    stateCount = emulator.State.MemberAuthIdentities.Where(a => a.IdentityId == identityId)
                        .GroupBy(a => a.MemberUin.ToString()).ToDictionary(g => g.Key, g => g.Count());
                    break;
                case "New-TcRoleAssignment":
                    inputs = rows.Select(r => r.Properties["TargetUin"].Value + "|" + r.Properties["PrincipalId"].Value).ToList();
                    doneKey = o => o.Properties["TargetUin"].Value + "|" + o.Properties["PrincipalId"].Value;
                    errorKey = t => t == null ? null : PSObject.AsPSObject(t).Properties["TargetUin"]?.Value + "|" + PSObject.AsPSObject(t).Properties["PrincipalId"]?.Value;
                    // An assignment twice in state, or a second create task for it, is a duplicate.
                    stateCount = emulator.State.Tasks.Where(t => t.TaskType == "CreateRoleAssignment")
                        .GroupBy(t => t.TargetUin + "|" + t.PrincipalId).ToDictionary(g => g.Key, g => g.Count());
                    foreach (var a in emulator.State.RoleAssignments.GroupBy(a => a.TargetUin + "|" + a.PrincipalId))
                        stateCount[a.Key] = Math.Max(stateCount.GetValueOrDefault(a.Key), a.Count());
                    break;
                default:
                    inputs = uins.Select(u => u.ToString()).ToList();
                    doneKey = o => o.Properties["TargetUin"].Value.ToString()!;
                    errorKey = t => t == null ? null : Regex.Match(t.ToString()!, @"(\d+)$").Groups[1].Value;
                    // Each applied ProvisionRoleConfiguration starts a task: two tasks for one account is a duplicate.
                    stateCount = emulator.State.Tasks.Where(t => t.TaskType == "ProvisionRoleConfiguration")
                        .GroupBy(t => t.TargetUin.ToString()).ToDictionary(g => g.Key, g => g.Count());
                    break;
            }
            var done = new HashSet<string>(result.Output.Select(doneKey));
            var errored = new HashSet<string>(result.Errors.Select(e => errorKey(e.TargetObject)).Where(k => k != null)!);
            int lost = inputs.Count(i => !done.Contains(i) && !errored.Contains(i));
            int duplicates = inputs.Sum(i => Math.Max(0, stateCount.GetValueOrDefault(i) - 1));
            int doneButAbsent = done.Count(d => stateCount.GetValueOrDefault(d) != 1);
            int unknownTargets = result.Errors.Count(e => errorKey(e.TargetObject) is not { } k || !inputs.Contains(k));
            int retries = result.Verbose.Count(v => v.Contains("; retry "));
            int reconciles = result.Verbose.Count(v => v.Contains("reconciling"));
            int requests = emulator.Requests.Count - baseline;
            int rejected = emulator.Requests.Snapshot().Skip(baseline).Count(r => r.ErrorCode != null && r.ErrorCode.StartsWith("RequestLimitExceeded"));

            Report.Line(_output, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "FIGURES {0,-28} {1,-17} items={2} done={3} errors={4} requests={5} retries={6} reconciles={7} faults={8} throttled={9} duplicates={10} lost={11} doneButAbsent={12} seconds={13:F1}",
                cmdlet, fault, inputs.Count, done.Count, errored.Count, requests, retries, reconciles, emulator.Faults.InjectedCount, rejected,
                duplicates, lost, doneButAbsent, clock.Elapsed.TotalSeconds));
            foreach (var e in result.Errors.Take(3)) Report.Line(_output, "  error: " + e.FullyQualifiedErrorId + " target=" + e.TargetObject + ": " + e.Exception?.Message);

            Assert.Equal(0, lost);
            Assert.Equal(0, duplicates);
            Assert.Equal(0, doneButAbsent);
            Assert.Equal(0, unknownTargets);
            Assert.Equal(inputs.Count, done.Count + errored.Count(k => !done.Contains(k)));
            Assert.Empty(done.Intersect(errored));
            // Faults are transient: most items end done. An item still unknown after one reconcile-and-resend is reported
            // as such (ClientError.*), never as a business error such as "already exists" caused by our own resend.
            // New-TcRoleAssignment sends only 10 calls of 50, so one unlucky batch moves 10% of the items: its bar is lower.
            double minimumDone = cmdlet == "New-TcRoleAssignment" ? 0.6 : 0.8;
            Assert.True(done.Count >= inputs.Count * minimumDone, "only " + done.Count + " of " + inputs.Count + " done");
            Assert.All(result.Errors, e => Assert.StartsWith("ClientError.", e.FullyQualifiedErrorId));
        }

        private static void AddFaults(EmulatorServer emulator, string cmdlet, string fault)
        {
            string action = CreateAction(cmdlet);
            double p = Probability(cmdlet);
            switch (fault)
            {
                case "5xx":
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.Http503, Phase = FaultPhase.BeforeHandling, Probability = p });
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.Http500, Phase = FaultPhase.AfterHandling, Probability = p });
                    // Reads too (reconciliation, zone lookup): they are retried.
                    emulator.Faults.Add(new FaultRule { Kind = FaultKind.Http502, Phase = FaultPhase.BeforeHandling, Probability = 0.03 });
                    break;
                case "reset":
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.ConnectionReset, Phase = FaultPhase.BeforeHandling, Probability = p });
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Probability = p });
                    break;
                case "hang":
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.Hang, Phase = FaultPhase.BeforeHandling, Count = 2, EveryNth = 3 });
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.Hang, Phase = FaultPhase.AfterHandling, Count = 2, EveryNth = 4 });
                    break;
                case "throttle-injected":
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.RequestLimitExceeded, Phase = FaultPhase.BeforeHandling, Probability = p });
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.RequestLimitExceeded, Phase = FaultPhase.AfterHandling, Probability = p });
                    emulator.Faults.Add(new FaultRule { Kind = FaultKind.RequestLimitExceeded, Phase = FaultPhase.BeforeHandling, Probability = 0.03 });
                    break;
                case "throttle-limiter":
                    // The emulator's own limiter (100/s) against a 200/s client budget; plus a few injected after-handling ones.
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.RequestLimitExceeded, Phase = FaultPhase.AfterHandling, Probability = p / 2 });
                    break;
                case "malformed-json":
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.MalformedJson, Phase = FaultPhase.BeforeHandling, Probability = p });
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.MalformedJson, Phase = FaultPhase.AfterHandling, Probability = p });
                    break;
                case "internal-error":
                    // InternalError in the envelope: before handling nothing ran, after handling it did; the client cannot tell.
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.InternalError, Phase = FaultPhase.BeforeHandling, Probability = p });
                    emulator.Faults.Add(new FaultRule { Action = action, Kind = FaultKind.InternalError, Phase = FaultPhase.AfterHandling, Probability = p });
                    break;
                default:
                    throw new ArgumentException(fault);
            }
        }
    }
}
