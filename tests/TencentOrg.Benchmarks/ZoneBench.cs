using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using TencentOrg.Services.Configuration;
using static TencentOrg.Benchmarks.Program;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Issue 18 item 5: Export and Compare of a whole CIC zone (10,000 users, 500 groups of 20, 100 configurations with
    /// 3 policies, each assigned and deployed once) beside the listing floor of CIC spec §10, and a Sync adding 2,000
    /// memberships beside one AddUserToGroup per member at 20 requests/s. The emulator child runs at its default 20
    /// requests/s per action. --quick runs a fifth of each size.
    /// </summary>
    internal static class ZoneBench
    {
        private const double Rate = 20;

        public static void Run(Results results)
        {
            int scale = Quick ? 5 : 1;
            ExportAndCompare(results, 10000 / scale, 500 / scale, 100 / scale);
            Memberships(results, 2000 / scale, 20);
        }

        private static void ExportAndCompare(Results results, int users, int groups, int configurations)
        {
            string seed = Seed(users, groups, configurations, membersPerGroup: true);
            string file = Path.Combine(Path.GetTempPath(), "tcorg-bench-zone-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                using var emulator = EmulatorProcess.Start(Rate, 50, 0, seedFile: seed);
                var info = emulator.Info;
                using var runspace = SyncBench.Connect(info);
                var variables = new Dictionary<string, object?> { ["file"] = file, ["zone"] = info.ZoneId };
                int perGroup = users / groups;
                // CIC spec §10: listings per action, and the longest chain of one action's calls (one action's calls cannot overlap).
                int userPages = Pages(users), groupPages = Pages(groups), memberCalls = groups * Pages(perGroup), configPages = Pages(configurations);
                int assignmentPages = Pages(configurations), deploymentPages = Pages(configurations);
                int exportCalls = userPages + groupPages + memberCalls + configPages + configurations + assignmentPages + 1; // + 1 member listing for names
                double exportFloor = Math.Max(Math.Max(userPages, groupPages + memberCalls), Math.Max(configPages + configurations, assignmentPages)) / Rate;

                var before = emulator.Stats();
                var (_, seconds, errors) = SyncBench.Invoke(runspace,
                    "Export-TcOrgConfiguration -Path $file -ZoneId $zone -Include Users,Groups,RoleConfigurations,RoleAssignments; 0", variables);
                var after = emulator.Stats();
                int reads = Reads(before, after);
                results.Add("Export of a zone: " + users + " users, " + groups + " groups, " + configurations + " configurations (emulator 20 req/s)",
                    F(seconds, 2) + " s = " + F(seconds / exportFloor, 2) + "x the listing floor (" + F(exportFloor) + " s: the longest one-action chain at 20/s); "
                    + reads + " reads (spec §10: " + exportCalls + "), " + SyncBench.Writes(before, after) + " writes, " + errors + " errors",
                    "<= 1.5x floor, reads = §10 count, 0 errors", seconds <= 1.5 * exportFloor && reads <= exportCalls && errors == 0);

                before = after;
                (_, seconds, errors) = SyncBench.Invoke(runspace, "@(Compare-TcOrgConfiguration -Path $file -ZoneId $zone).Count", variables);
                var (count, _, _) = SyncBench.Invoke(runspace, "0", variables);
                after = emulator.Stats();
                reads = Reads(before, after);
                int compareCalls = exportCalls + deploymentPages;
                results.Add("Compare of that zone with its export",
                    F(seconds, 2) + " s = " + F(seconds / exportFloor, 2) + "x the listing floor (" + F(exportFloor) + " s); " + reads + " reads (spec §10: "
                    + compareCalls + "), " + SyncBench.Writes(before, after) + " writes, " + errors + " errors",
                    "<= 1.5x floor, 0 writes", seconds <= 1.5 * exportFloor && reads <= compareCalls && SyncBench.Writes(before, after) == 0 && errors == 0);
            }
            finally
            {
                File.Delete(seed);
                File.Delete(file);
            }
        }

        private static void Memberships(Results results, int members, int groups)
        {
            string seed = Seed(members, groups, 0, membersPerGroup: false);
            string file = Path.Combine(Path.GetTempPath(), "tcorg-bench-members-" + Guid.NewGuid().ToString("N") + ".json");
            try
            {
                // The file: every user in one of the (empty) groups, by name.
                var desired = new OrgConfiguration
                {
                    Groups = Enumerable.Range(0, groups).Select(g => new ConfigurationGroup
                    {
                        GroupName = GroupName(g),
                        Members = Enumerable.Range(0, members).Where(u => u % groups == g).Select(UserName).ToList(),
                    }).ToList(),
                };
                ConfigurationFile.WriteFile(file, desired);
                using var emulator = EmulatorProcess.Start(Rate, 50, 0, seedFile: seed);
                var info = emulator.Info;
                using var runspace = SyncBench.Connect(info);
                var variables = new Dictionary<string, object?> { ["file"] = file, ["zone"] = info.ZoneId };
                var before = emulator.Stats();
                var (count, seconds, errors) = SyncBench.Invoke(runspace,
                    "@(Sync-TcOrgConfiguration -Path $file -ZoneId $zone -Confirm:$false -ErrorAction Continue | Where-Object Outcome -eq Done).Count", variables);
                var after = emulator.Stats();
                int adds = SyncBench.Delta(before, after, "AddUserToGroup/OK");
                double floor = members / Rate;
                results.Add("Sync adding " + members + " group memberships (emulator 20 req/s)",
                    F(seconds, 2) + " s = " + F(seconds / floor, 2) + "x the floor (" + members + " AddUserToGroup, one per member, at 20/s = " + F(floor) + " s); "
                    + adds + " AddUserToGroup, " + count + " items Done, " + errors + " errors",
                    "<= 1.2x floor, all Done, 0 errors", seconds <= 1.2 * floor && adds == members && count == members && errors == 0);
            }
            finally
            {
                File.Delete(seed);
                File.Delete(file);
            }
        }

        /// <summary>
        /// A seed: users; groups (each user in one group, or all empty); configurations with two system policies and a
        /// custom one, each assigned to one group on one account and deployed there.
        /// </summary>
        private static string Seed(int users, int groups, int configurations, bool membersPerGroup)
        {
            const long account = 100000000001;
            var seed = new
            {
                Users = Enumerable.Range(0, users).Select(u => new { UserId = UserId(u), UserName = UserName(u), Email = UserName(u) + "@bench.example", DisplayName = "User " + u }).ToList(),
                Groups = Enumerable.Range(0, groups).Select(g => new
                {
                    GroupId = "g-zb" + g.ToString("D6"), GroupName = GroupName(g),
                    UserIds = membersPerGroup ? Enumerable.Range(0, users).Where(u => u % groups == g).Select(UserId).ToList() : new List<string>(),
                }).ToList(),
                RoleConfigurations = Enumerable.Range(0, configurations).Select(c => new
                {
                    RoleConfigurationId = "rc-zb" + c.ToString("D6"), RoleConfigurationName = "bench-" + c.ToString("D4"),
                    Policies = new object[]
                    {
                        new { RolePolicyId = 1, RolePolicyName = "AdministratorAccess", RolePolicyType = "System" },
                        new { RolePolicyId = 2, RolePolicyName = "ReadOnlyAccess", RolePolicyType = "System" },
                        new { RolePolicyId = 0, RolePolicyName = "custom-" + c, RolePolicyType = "Custom", RolePolicyDocument = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"name/cvm:*\"],\"resource\":[\"*\"]}]}" },
                    },
                }).ToList(),
                RoleAssignments = Enumerable.Range(0, configurations).Select(c => new
                {
                    RoleConfigurationId = "rc-zb" + c.ToString("D6"), TargetType = "MemberUin", TargetUin = account, PrincipalType = "Group", PrincipalId = "g-zb" + (c % Math.Max(1, groups)).ToString("D6"),
                }).ToList(),
                Provisionings = Enumerable.Range(0, configurations).Select(c => new
                {
                    RoleConfigurationId = "rc-zb" + c.ToString("D6"), TargetType = "MemberUin", TargetUin = account, DeploymentStatus = "Deployed",
                }).ToList(),
            };
            string path = Path.Combine(Path.GetTempPath(), "tcorg-bench-zone-seed-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(path, JsonSerializer.Serialize(seed));
            return path;
        }

        private static string UserId(int u) => "u-zb" + u.ToString("D6");
        private static string UserName(int u) => "zuser" + u.ToString("D6");
        private static string GroupName(int g) => "zgroup-" + g.ToString("D4");
        private static int Pages(int rows) => Math.Max(1, (rows + 99) / 100);

        private static int Reads(Dictionary<string, int> before, Dictionary<string, int> after) =>
            after.Where(p => p.Key.StartsWith("List", StringComparison.Ordinal) || p.Key.StartsWith("Describe", StringComparison.Ordinal) || p.Key.StartsWith("Get", StringComparison.Ordinal))
                .Sum(p => p.Value - before.GetValueOrDefault(p.Key));
    }
}
