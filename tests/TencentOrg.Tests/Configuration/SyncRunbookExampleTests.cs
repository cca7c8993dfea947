using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TencentOrg.Tests.Module;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>examples/sync-access.ps1 against the emulator: applies a baseline by names, then a rerun sends no write.</summary>
    public class SyncRunbookExampleTests : CmdletTestBase, IDisposable
    {
        private readonly string _folder = Path.Combine(Path.GetTempPath(), "tcorg-runbook-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
        }

        private PsResult RunRunbook(string extra = "") => Run("& $script -Path $baseline -AuditPath $audit " + extra + " | Out-Default",
            new Dictionary<string, object?>
            {
                ["script"] = Path.Combine(TestSetup.RepoRoot, "examples", "sync-access.ps1"),
                ["baseline"] = Path.Combine(_folder, "baseline.json"),
                ["audit"] = Path.Combine(_folder, "audit.json"),
            });

        [Fact]
        public void Runbook_applies_the_baseline_then_a_rerun_sends_no_write()
        {
            Directory.CreateDirectory(_folder);
            // Someone's manual grant that the baseline does not list: -Prune takes it away.
            Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig004 -PrincipalId u-emuuser00009 -TargetUin 100000000009").AssertSuccess();
            Emulator.Requests.Clear();
            File.WriteAllText(Path.Combine(_folder, "baseline.json"), "{ \"SchemaVersion\": 1, \"PruneScope\": \"All\",\n"
                + "  \"Identities\": [ { \"Name\": \"auditor\", \"Description\": \"Read-only auditors\", \"Policies\": [ { \"PolicyId\": 2, \"PolicyName\": \"ReadOnlyAccess\" } ] } ],\n"
                + "  \"MemberAuthIdentities\": [ " + string.Join(", ", Enumerable.Range(1, 20).Select(m => "{ \"Member\": \"member-" + m.ToString("D4") + "\", \"Identity\": \"auditor\" }")) + " ],\n"
                + "  \"RoleAssignments\": [ " + string.Join(", ", Enumerable.Range(1, 50).Select(m => "{ \"Principal\": \"group0003\", \"PrincipalType\": \"Group\", \"RoleConfiguration\": \"ReadOnlyAccess\", \"Target\": \"member-" + m.ToString("D4") + "\" }")) + " ] }");

            var first = RunRunbook("-Prune").AssertSuccess();
            Assert.Contains("The organization matches the baseline.", first.HostText);
            Assert.Single(Emulator.State.Identities, i => i.IdentityAliasName == "auditor");
            Assert.Equal(20, Emulator.State.MemberAuthIdentities.Count);
            Assert.Equal(50, Emulator.State.RoleAssignments.Count);
            Assert.All(Emulator.State.RoleAssignments, a => Assert.Equal("g-emugroup0003", a.PrincipalId));
            Assert.Single(Emulator.Requests.ForAction("CreateRoleAssignment"));
            Assert.Equal(2, Emulator.Requests.ForAction("CreateOrganizationMemberAuthIdentity").Count);
            Assert.True(File.Exists(Path.Combine(_folder, "audit.json")));

            Emulator.Requests.Clear();
            var rerun = RunRunbook("-Prune").AssertSuccess();
            Assert.Contains("nothing to do", rerun.HostText);
            Assert.DoesNotContain(Emulator.Requests.Snapshot(), r => r.Action.StartsWith("Create") || r.Action.StartsWith("Delete") || r.Action.StartsWith("Update"));
        }
    }
}
