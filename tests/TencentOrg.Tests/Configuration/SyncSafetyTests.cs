using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>
    /// Issue 17: Sync never removes access the file wants. Declared PruneScope, the removal guard, preset identities,
    /// names checked against IDs, atomic export, and a plan that shows every item with its outcome; all through the
    /// module's manifest against the emulator, writes counted in its request log.
    /// </summary>
    public class SyncSafetyTests : CmdletTestBase, IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "tcorg-safety-" + Guid.NewGuid().ToString("N"));

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            DesiredStateTestBase.Seed(options);
        }

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }

        private string File_(string name = "org.json")
        {
            Directory.CreateDirectory(_folder);
            return Path.Combine(_folder, name);
        }

        private Dictionary<string, object?> Vars(string file) => new Dictionary<string, object?> { ["file"] = file };

        private List<string> Writes() => Emulator.Requests.Snapshot().Where(r => ConfigurationFileTestBase.IsWrite(r.Action)).Select(r => r.Action).ToList();

        private static string Group1Rows(int from, int to) => string.Join(",\n", Enumerable.Range(from, to - from + 1)
            .Select(m => "    { \"PrincipalId\": \"g-emugroup0001\", \"RoleConfigurationId\": \"rc-emuconfig001\", \"TargetUin\": " + (100000000000L + m) + " }"));

        // ---- item 4: declared scope ----

        [Fact]
        public void Sync_Prune_on_a_file_without_PruneScope_stops_before_any_request_and_says_how_to_add_one()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"RoleAssignments\": [] }");
            var result = Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", Vars(file));
            Assert.Equal("PruneScopeMissing,TencentOrg.SyncTcOrgConfigurationCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("\"PruneScope\": \"All\"", result.FirstError.Exception.Message);
            Assert.Contains("nothing was sent", result.FirstError.Exception.Message);
            Assert.Contains("Principals, Targets, RoleConfigurations, Identities, Members, Users, Groups", result.FirstError.Exception.Message); // every key the file may use
            Assert.Empty(result.Output);
            Assert.Equal(0, Emulator.Requests.Count);
            Assert.Equal(50, Emulator.State.RoleAssignments.Count);
        }

        [Fact]
        public void Prune_removes_only_items_inside_the_scope_given_by_name()
        {
            string file = File_();
            // group0001 owns members 1-25 of its 30; user00001's 20 assignments are outside the scope and stay.
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"PruneScope\": { \"Principals\": [ \"group0001\" ] },\n  \"RoleAssignments\": [\n" + Group1Rows(1, 25) + "\n  ] }");
            var result = Run("Sync-TcOrgConfiguration $file -Prune -Wait -Confirm:$false -Verbose", Vars(file)).AssertSuccess();
            Assert.Equal(5, result.Output.Count);
            Assert.All(result.Output, p => Assert.Equal("Remove Done", Prop(p, "Action") + " " + Prop(p, "Outcome")));
            Assert.Equal(5, SentCount("DeleteRoleAssignment"));
            Assert.Equal(Enumerable.Repeat("DeleteRoleAssignment", 5), Writes());
            Assert.Contains("20 removal(s) outside the file's PruneScope are not planned.", result.Verbose);
            Assert.Equal(20, Emulator.State.RoleAssignments.Count(a => a.PrincipalId == "u-emuuser00001"));
            Assert.Equal(25, Emulator.State.RoleAssignments.Count(a => a.PrincipalId == "g-emugroup0001"));
        }

        [Fact]
        public void An_empty_section_with_a_narrow_scope_removes_only_that_scope()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"PruneScope\": { \"Principals\": [ \"u-emuuser00001\" ], \"RoleConfigurations\": [ \"ReadOnlyAccess\" ] }, \"RoleAssignments\": [] }");
            Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", Vars(file)).AssertSuccess();
            Assert.Equal(20, SentCount("DeleteRoleAssignment"));
            Assert.Equal(30, Emulator.State.RoleAssignments.Count);
            Assert.All(Emulator.State.RoleAssignments, a => Assert.Equal("g-emugroup0001", a.PrincipalId));
        }

        [Fact]
        public void Export_writes_All_and_its_filters_write_the_matching_scope()
        {
            string whole = File_("whole.json"), team = File_("team.json"), account = File_("account.json");
            Run("Export-TcOrgConfiguration -Path $file", Vars(whole)).AssertSuccess();
            Assert.Equal("All", (string)JsonNode.Parse(File.ReadAllText(whole))!["PruneScope"]!);

            Run("Export-TcOrgConfiguration -Path $file -PrincipalId g-emugroup0001", Vars(team)).AssertSuccess();
            var json = JsonNode.Parse(File.ReadAllText(team))!.AsObject();
            Assert.Equal(new[] { "PruneScope", "RoleAssignments", "SchemaVersion" }, json.Select(p => p.Key));
            Assert.Equal("{\"Principals\":[\"g-emugroup0001\"]}", json["PruneScope"]!.ToJsonString());
            Assert.Equal(30, json["RoleAssignments"]!.AsArray().Count);

            Run("Export-TcOrgConfiguration -Path $file -TargetUin 100000000001 -RoleConfigurationId rc-emuconfig002", Vars(account)).AssertSuccess();
            json = JsonNode.Parse(File.ReadAllText(account))!.AsObject();
            Assert.Equal("{\"RoleConfigurations\":[\"rc-emuconfig002\"],\"Targets\":[100000000001]}", json["PruneScope"]!.ToJsonString());
            Assert.Equal("u-emuuser00001", (string)json["RoleAssignments"]!.AsArray().Single()!["PrincipalId"]!);

            // The team's file, three entries cut: -Prune removes those three and nothing of anyone else.
            var rows = JsonNode.Parse(File.ReadAllText(team))!;
            var list = rows["RoleAssignments"]!.AsArray();
            for (int i = 0; i < 3; i++) list.RemoveAt(0);
            File.WriteAllText(team, rows.ToJsonString());
            Emulator.Requests.Clear();
            Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", Vars(team)).AssertSuccess();
            Assert.Equal(Enumerable.Repeat("DeleteRoleAssignment", 3), Writes());
            Assert.Equal(47, Emulator.State.RoleAssignments.Count);

            var mixed = Run("Export-TcOrgConfiguration -PrincipalId g-emugroup0001 -Include Identities");
            Assert.Equal("ExportFilterNeedsRoleAssignments,TencentOrg.ExportTcOrgConfigurationCommand", mixed.FirstError!.FullyQualifiedErrorId);
        }

        // ---- item 5: removal guard ----

        [Fact]
        public void A_plan_removing_more_than_MaxRemove_stops_before_any_write_with_the_count_and_MaxRemove_raises_it()
        {
            string file = File_();
            // A file cut after its first entry, then closed: valid JSON that would remove 49 assignments.
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"PruneScope\": \"All\", \"RoleAssignments\": [\n" + Group1Rows(1, 1) + "\n] }");
            var result = Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", Vars(file));
            Assert.Equal("TooManyRemovals,TencentOrg.SyncTcOrgConfigurationCommand", result.FirstError!.FullyQualifiedErrorId);
            Assert.Contains("removes 49 items, more than -MaxRemove 25; nothing was sent", result.FirstError.Exception.Message);
            Assert.Empty(Writes());
            Assert.Empty(result.Output);

            Assert.Equal("TooManyRemovals,TencentOrg.SyncTcOrgConfigurationCommand",
                Run("Sync-TcOrgConfiguration $file -Prune -MaxRemove 48 -Confirm:$false", Vars(file)).FirstError!.FullyQualifiedErrorId);
            Assert.Empty(Writes());
            Run("Sync-TcOrgConfiguration $file -Prune -MaxRemove 49 -Confirm:$false", Vars(file)).AssertSuccess();
            Assert.Equal(49, SentCount("DeleteRoleAssignment"));
            Assert.Single(Emulator.State.RoleAssignments);
        }

        [Fact]
        public void The_runbook_passes_MaxRemove_through()
        {
            string baseline = File_("baseline.json");
            File.WriteAllText(baseline, "{ \"SchemaVersion\": 1, \"PruneScope\": \"All\", \"RoleAssignments\": [\n" + Group1Rows(1, 20) + "\n] }");
            var vars = new Dictionary<string, object?> { ["script"] = Path.Combine(TestSetup.RepoRoot, "examples", "sync-access.ps1"), ["file"] = baseline };
            var stopped = Run("& $script -Path $file -Prune | Out-Default", vars);
            Assert.Contains("removes 30 items, more than -MaxRemove 25", (stopped.FirstError?.Exception ?? stopped.Terminating)!.Message);
            Assert.Empty(Writes());

            Run("& $script -Path $file -Prune -MaxRemove 30 | Out-Default", vars).AssertSuccess();
            Assert.Equal(30, SentCount("DeleteRoleAssignment"));
            Assert.Equal(20, Emulator.State.RoleAssignments.Count);
        }

        // ---- item 6: preset identities ----

        [Fact]
        public void Preset_identities_and_their_grants_are_never_removed_and_a_change_to_one_is_a_warning()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000001, 100000000002 -IdentityId 1").AssertSuccess();
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"PruneScope\": \"All\", \"MemberAuthIdentities\": [], \"Identities\": [ { \"Name\": \"OrganizationAccessControl\", "
                + "\"Description\": \"mine now\", \"Policies\": [ { \"PolicyId\": 2, \"PolicyName\": \"ReadOnlyAccess\" } ] } ] }");
            Emulator.Requests.Clear();
            var result = Run("Sync-TcOrgConfiguration $file -Prune -Confirm:$false", Vars(file)).AssertSuccess();
            Assert.Equal("Identity 'OrganizationAccessControl' is a preset identity: the file changes its Description and Policies, but preset identities belong to the service and are never changed or removed.",
                Assert.Single(result.Warnings));
            // The 15 grants of the two custom identities, then the identities; the preset's 2 grants and itself stay.
            Assert.Equal(Enumerable.Repeat("DeleteOrganizationMemberAuthIdentity", 15).Concat(Enumerable.Repeat("DeleteOrganizationIdentity", 2)), Writes());
            Assert.Equal(2, Emulator.State.MemberAuthIdentities.Count(g => g.IdentityId == 1));
            var preset = Assert.Single(Emulator.State.Identities);
            Assert.Equal(1, preset.IdentityId);
            Assert.Equal("Preset administrator identity", preset.Description);
        }

        // ---- item 7: names and IDs ----

        [Fact]
        public void A_name_that_disagrees_with_its_ID_is_an_error_naming_both_before_any_write()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"RoleAssignments\": [ { \"Principal\": \"user00009\", \"PrincipalId\": \"u-emuuser00001\", "
                + "\"RoleConfigurationId\": \"rc-emuconfig002\", \"TargetUin\": 100000000001 } ],\n"
                + " \"MemberAuthIdentities\": [ { \"MemberUin\": 100000000001, \"IdentityId\": 101, \"Identity\": \"ops\" } ] }");
            foreach (var command in new[] { "Compare-TcOrgConfiguration $file", "Sync-TcOrgConfiguration $file -Confirm:$false" })
            {
                var result = Run(command, Vars(file));
                var error = result.FirstError!;
                Assert.StartsWith("ConfigurationNameNotResolved,", error.FullyQualifiedErrorId);
                Assert.Contains("RoleAssignments[0]: Principal 'user00009' and PrincipalId 'u-emuuser00001' disagree: user u-emuuser00001 is named 'user00001' in the organization", error.Exception.Message);
                Assert.Contains("MemberAuthIdentities[0]: Identity 'ops' and IdentityId '101' disagree: identity 101 is named 'auditor'", error.Exception.Message);
                Assert.Empty(result.Output);
            }
            Assert.Empty(Writes());
        }

        [Fact]
        public void Unknown_IDs_are_checked_with_the_same_listings_as_names_before_any_write()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"RoleAssignments\": [\n"
                + "  { \"PrincipalId\": \"g-nosuchgroup01\", \"RoleConfigurationId\": \"rc-emuconfig001\", \"TargetUin\": 100000000001 },\n"
                + "  { \"Principal\": \"group0002\", \"PrincipalType\": \"Group\", \"RoleConfigurationId\": \"rc-nosuchconfig\", \"TargetUin\": 100000000001 },\n"
                + "  { \"PrincipalId\": \"g-emugroup0002\", \"RoleConfigurationId\": \"rc-emuconfig001\", \"TargetUin\": 100000009999 } ],\n"
                + " \"MemberAuthIdentities\": [ { \"MemberUin\": 100000000001, \"IdentityId\": 999 } ] }");
            var result = Run("Sync-TcOrgConfiguration $file -Confirm:$false", Vars(file));
            var message = result.FirstError!.Exception.Message;
            Assert.Contains("RoleAssignments[0].PrincipalId: no group has the ID 'g-nosuchgroup01'.", message);
            Assert.Contains("RoleAssignments[1].RoleConfigurationId: no permission configuration has the ID 'rc-nosuchconfig'.", message);
            Assert.Contains("RoleAssignments[2].TargetUin: no member has the ID '100000009999'.", message);
            Assert.Contains("MemberAuthIdentities[0].IdentityId: no identity has the ID '999'.", message);
            Assert.Empty(Writes());
            // One listing per kind, names and IDs alike.
            Assert.Equal(1, SentCount("ListGroups"));
            Assert.Equal(1, SentCount("ListRoleConfigurations"));
            Assert.Equal(1, SentCount("DescribeOrganizationMembers"));
        }

        // ---- item 9: export writes beside the target, then renames over it ----

        [Fact]
        public void Export_replaces_the_file_by_rename_and_a_failed_export_leaves_it_byte_identical()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"old\": true }\n");
            // A hard link still sees the old bytes after a rename over the target; an in-place write would change both.
            string link = File_("link.json");
            Assert.Equal(0, LinkNative(file, link));
            Run("Export-TcOrgConfiguration -Path $file", Vars(file)).AssertSuccess();
            Assert.Equal("{ \"old\": true }\n", File.ReadAllText(link));
            Assert.Contains("\"PruneScope\": \"All\"", File.ReadAllText(file));

            byte[] good = File.ReadAllBytes(file);
            Emulator.Faults.Add(new FaultRule { Action = "ListRoleAssignments", Kind = FaultKind.InternalError });
            var failed = Run("Export-TcOrgConfiguration -Path $file", Vars(file));
            Assert.NotNull(failed.FirstError);
            Assert.Equal(good, File.ReadAllBytes(file));
            Emulator.Faults.Clear();

            // A target that cannot be replaced (a folder): an error naming it, and no temporary file left behind.
            string folder = File_("folder.json");
            Directory.CreateDirectory(folder);
            var blocked = Run("Export-TcOrgConfiguration -Path $file", Vars(folder));
            Assert.Equal("ConfigurationFileNotWritten,TencentOrg.ExportTcOrgConfigurationCommand", blocked.FirstError!.FullyQualifiedErrorId);
            Assert.Equal(new[] { "link.json", "org.json" }, Directory.GetFiles(_folder).Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal));
        }

        [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int LinkNative(string oldPath, string newPath);

        // ---- item 10: every item with its outcome; readable at 80 columns ----

        [Fact]
        public void Declined_and_WhatIf_items_are_emitted_with_their_outcome()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"PruneScope\": { \"Principals\": [\"g-emugroup0001\"] }, \"RoleAssignments\": [\n" + Group1Rows(1, 29) + ",\n"
                + "    { \"PrincipalId\": \"g-emugroup0002\", \"RoleConfigurationId\": \"rc-emuconfig001\", \"TargetUin\": 100000000001 } ] }");
            var whatIf = Run("Sync-TcOrgConfiguration $file -Prune -WhatIf", Vars(file)).AssertSuccess();
            Assert.Equal(new[] { "Add WhatIf", "Remove WhatIf" }, whatIf.Output.Select(p => Prop(p, "Action") + " " + Prop(p, "Outcome")));
            Assert.Empty(Writes());

            // Yes to the add, No to the remove.
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(0);
            Ps.Host.Recorder.ChoiceAnswers.Enqueue(2);
            var asked = Run("Sync-TcOrgConfiguration $file -Prune -Confirm", Vars(file)).AssertSuccess();
            Assert.Equal(new[] { "Remove Declined", "Add Started" }, asked.Output.Select(p => Prop(p, "Action") + " " + Prop(p, "Outcome")));
            Assert.Equal(new[] { "CreateRoleAssignment" }, Writes());
        }

        [Fact]
        public void The_plan_table_shows_action_kind_and_the_whole_key_at_80_columns_and_a_change_shows_old_and_new()
        {
            string file = File_();
            File.WriteAllText(file, "{ \"SchemaVersion\": 1, \"PruneScope\": { \"Principals\": [\"g-emugroup0002\"] }, \"Identities\": [ { \"Name\": \"auditor\", \"Description\": \"Auditors (read only)\", "
                + "\"Policies\": [ { \"PolicyId\": 2, \"PolicyName\": \"ReadOnlyAccess\" }, { \"PolicyId\": 6, \"PolicyName\": \"QcloudCOSReadOnlyAccess\" } ] } ],\n"
                + " \"RoleAssignments\": [ { \"Principal\": \"group0002\", \"PrincipalType\": \"Group\", \"RoleConfiguration\": \"ReadOnlyAccess\", \"Target\": \"member-0007\" },\n"
                + "   { \"Principal\": \"group0002\", \"PrincipalType\": \"Group\", \"RoleConfiguration\": \"ReadOnlyAccess\", \"Target\": \"member-0008\" } ] }");
            var lines = ConsoleLines("Compare-TcOrgConfiguration $file", file);
            Assert.All(lines, l => Assert.True(l.Length <= 80, "longer than 80 columns: " + l));
            var rows = Table(lines, "Action");
            Assert.Equal(new[] { "Action", "Kind", "Outcome", "Key" }, rows[0].Keys);
            Assert.Equal(new[] { "Change Identity", "Add RoleAssignment", "Add RoleAssignment" }, rows.Select(r => r["Action"] + " " + r["Kind"]));
            // Wrapped, not cut: the Key column's lines put together give the whole key, and a Change its old and new values.
            Assert.Equal(new[]
            {
                "auditor Description: 'Read-only auditors' -> 'Auditors (read only)' Policies: [2:ReadOnlyAccess] -> [2:ReadOnlyAccess; 6:QcloudCOSReadOnlyAccess]",
                "Group group0002 (g-emugroup0002) -> ReadOnlyAccess (rc-emuconfig002) on member-0007 (100000000007)",
                "Group group0002 (g-emugroup0002) -> ReadOnlyAccess (rc-emuconfig002) on member-0008 (100000000008)",
            }.Select(NoSpace), rows.Select(r => NoSpace(r["Key"])));
        }

        [Fact]
        public void Export_objects_read_whole_at_80_columns()
        {
            var identities = ConsoleLines("Export-TcOrgConfiguration -Include Identities", null);
            Assert.All(identities, l => Assert.True(l.Length <= 80, "longer than 80 columns: " + l));
            var rows = Table(identities, "IdentityId");
            Assert.Equal(new[] { "IdentityId", "Name", "Policies", "Description" }, rows[0].Keys);
            Assert.Equal(new[] { "OrganizationAccessControl", "auditor", "ops" }, rows.Select(r => NoSpace(r["Name"])));
            Assert.Equal(new[] { "1:AdministratorAccess", "2:ReadOnlyAccess", "Custom:CustomPolicy0" }, rows.Select(r => NoSpace(r["Policies"])));
            Assert.Equal(NoSpace("Preset administrator identity"), NoSpace(rows[0]["Description"]));

            var grants = ConsoleLines("Export-TcOrgConfiguration -Include MemberAuthIdentities", null);
            Assert.All(grants, l => Assert.True(l.Length <= 80, "longer than 80 columns: " + l));
            rows = Table(grants, "MemberUin");
            Assert.Equal(new[] { "MemberUin", "Member", "IdentityId", "Identity" }, rows[0].Keys);
            Assert.Equal(15, rows.Count);
            Assert.Contains(rows, r => r["MemberUin"] == "100000000012" && r["Member"] == "member-0012" && r["IdentityId"] == "101" && r["Identity"] == "auditor");

            var assignments = ConsoleLines("Export-TcOrgConfiguration -Include RoleAssignments", null);
            Assert.All(assignments, l => Assert.True(l.Length <= 80, "longer than 80 columns: " + l));
            rows = Table(assignments, "PrincipalType");
            Assert.Equal(50, rows.Count);
            Assert.Contains(rows, r => r["PrincipalType"] == "Group" && r["Principal"] == "group0001" && r["RoleConfiguration"] == "AdministratorAccess"
                && r["TargetUin"] == "100000000030" && r["Target"] == "member-0030");
        }

        private static string NoSpace(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\\s", "");

        /// <summary>
        /// The rows of the table whose header starts with firstLabel: cells cut at the dash columns, a row's wrapped
        /// lines (first column blank) joined onto its cells with a newline.
        /// </summary>
        private static List<Dictionary<string, string>> Table(List<string> lines, string firstLabel)
        {
            int header = lines.FindIndex(l => l.StartsWith(firstLabel, StringComparison.Ordinal));
            var starts = System.Text.RegularExpressions.Regex.Matches(lines[header + 1], "-+").Cast<System.Text.RegularExpressions.Match>().Select(m => m.Index).ToList();
            string Cell(string line, int c)
            {
                int start = starts[c], end = c + 1 < starts.Count ? Math.Min(starts[c + 1], line.Length) : line.Length;
                return start >= line.Length ? "" : line.Substring(start, end - start).Trim();
            }
            var labels = starts.Select((_, c) => Cell(lines[header], c)).ToList();
            var rows = new List<Dictionary<string, string>>();
            foreach (var line in lines.Skip(header + 2).TakeWhile(l => l.Trim().Length > 0))
            {
                if (Cell(line, 0).Length > 0)
                {
                    var row = new Dictionary<string, string>();
                    for (int c = 0; c < labels.Count; c++) row[labels[c]] = Cell(line, c);
                    rows.Add(row);
                }
                else
                {
                    for (int c = 1; c < labels.Count; c++)
                        if (Cell(line, c).Length > 0) rows[rows.Count - 1][labels[c]] += "\n" + Cell(line, c);
                }
            }
            return rows;
        }

        /// <summary>What a console 80 columns wide shows (the recording host is 80 columns, as FormatViewTests rely on), line by line.</summary>
        private List<string> ConsoleLines(string command, string? file)
        {
            var result = Run(command + " | Out-Default", file == null ? null : Vars(file)).AssertSuccess();
            return result.HostText.Replace("\r\n", "\n").Split('\n').Select(l => l.TrimEnd()).ToList();
        }

    }
}
