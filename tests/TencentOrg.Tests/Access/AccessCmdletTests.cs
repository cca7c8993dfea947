using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using AngleSharp.Html.Parser;
using TencentOrg.Emulator;
using TencentOrg.Tests.Emulator;
using TencentOrg.Tests.Module;
using Xunit;

namespace TencentOrg.Tests.Access
{
    /// <summary>Get-TcOrgAccess and Export-TcOrgAccessReport through the module's .psd1 against the emulator.</summary>
    public class AccessCmdletTests : CmdletTestBase
    {
        private const long Account1 = 100000000001, Account2 = 100000000002, Account3 = 100000000003;

        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.SeedFile = SeedFile(new
            {
                Users = new[]
                {
                    new { UserId = "u-alice", UserName = "alice", UserStatus = "Enabled" },
                    new { UserId = "u-bob", UserName = "bob", UserStatus = "Disabled" },
                    new { UserId = "u-carol", UserName = "carol", UserStatus = "Enabled" },
                },
                Groups = new[]
                {
                    new { GroupId = "g-ops", GroupName = "ops", UserIds = new[] { "u-alice", "u-bob" } },
                    new { GroupId = "g-dev", GroupName = "dev", UserIds = new[] { "u-alice" } },
                    new { GroupId = "g-idle", GroupName = "idle", UserIds = new string[0] },
                },
                RoleConfigurations = AccessSeed.Configurations(),
                RoleAssignments = new[]
                {
                    Assignment("rc-admin", Account1, "User", "u-alice"),
                    Assignment("rc-admin", Account1, "Group", "g-ops"),
                    Assignment("rc-admin", Account1, "Group", "g-dev"),
                    Assignment("rc-read", Account2, "User", "u-carol"),
                    Assignment("rc-read", Account3, "Group", "g-idle"),
                },
                Provisionings = new[]
                {
                    new { RoleConfigurationId = "rc-admin", TargetType = "MemberUin", TargetUin = Account1, DeploymentStatus = "Deployed" },
                    new { RoleConfigurationId = "rc-read", TargetType = "MemberUin", TargetUin = Account2, DeploymentStatus = "Deployed" },
                },
            });
        }

        internal static object Assignment(string config, long uin, string type, string principal) =>
            new { RoleConfigurationId = config, TargetType = "MemberUin", TargetUin = uin, PrincipalType = type, PrincipalId = principal };

        private List<PSObject> Access(string arguments = "") => Run("Get-TcOrgAccess " + arguments).AssertSuccess().Output;

        private static string Key(PSObject p) => Prop(p, "UserName") + "|" + Prop(p, "Via") + "|" + Prop(p, "RoleConfigurationId") + "|" + Prop(p, "TargetUin");

        [Fact]
        public void A_user_reaching_an_account_directly_and_through_two_groups_gives_three_rows()
        {
            var rows = Access();
            var alice = rows.Where(r => (string?)Prop(r, "UserId") == "u-alice").Select(Key).ToList();
            Assert.Equal(new[] { "alice|Direct|rc-admin|100000000001", "alice|dev (g-dev)|rc-admin|100000000001", "alice|ops (g-ops)|rc-admin|100000000001" }, alice);
            Assert.Equal(5, rows.Count);                                  // alice x3, bob via ops, carol direct; the empty group reaches nobody
            var first = rows.First(r => (string?)Prop(r, "UserId") == "u-alice");
            Assert.Equal("TencentOrg.OrgAccess", first.TypeNames[0]);
            Assert.Equal("Admin", Prop(first, "RoleConfigurationName"));
            Assert.Equal("member-0001", Prop(first, "TargetName"));
            Assert.Equal("Deployed", Prop(first, "DeploymentStatus"));
            Assert.Equal(AccessSeed.AdminPolicyText, Prop(first, "Policies")!.ToString());
        }

        [Fact]
        public void Removing_the_user_from_one_group_removes_exactly_that_row()
        {
            var before = Access().Select(Key).ToList();
            AccessSeed.Call(Emulator, "RemoveUserFromGroup", new { ZoneId = Zone, GroupId = "g-dev", UserId = "u-alice" });
            var after = Access().Select(Key).ToList();
            Assert.Equal(new[] { "alice|dev (g-dev)|rc-admin|100000000001" }, before.Except(after));
            Assert.Empty(after.Except(before));
        }

        [Fact]
        public void A_disabled_user_is_flagged()
        {
            var bob = Assert.Single(Access("-UserName bob"));
            Assert.Equal(true, Prop(bob, "UserDisabled"));
            Assert.Equal("Disabled", Prop(bob, "UserStatus"));
            Assert.Equal("ops (g-ops)", Prop(bob, "Via"));
            Assert.All(Access("-UserName alice,carol"), r => Assert.Equal(false, Prop(r, "UserDisabled")));
        }

        [Fact]
        public void After_a_policy_change_the_rows_show_DeployedRequired()
        {
            Assert.All(Access("-RoleConfigurationId rc-admin"), r => Assert.Equal("Deployed", Prop(r, "DeploymentStatus")));
            AccessSeed.Call(Emulator, "AddPermissionPolicyToRoleConfiguration", new
            {
                ZoneId = Zone, RoleConfigurationId = "rc-admin", RolePolicyType = "System",
                RolePolicies = new[] { new { PolicyId = 5L, PolicyName = "QcloudCVMFullAccess" } },
            });
            var rows = Access();
            Assert.All(rows.Where(r => (string?)Prop(r, "RoleConfigurationId") == "rc-admin"), r =>
            {
                Assert.Equal("DeployedRequired", Prop(r, "DeploymentStatus"));
                Assert.Contains("QcloudCVMFullAccess", Prop(r, "Policies")!.ToString());
            });
            Assert.Equal("Deployed", Prop(rows.Single(r => (string?)Prop(r, "UserId") == "u-carol"), "DeploymentStatus"));
        }

        [Fact]
        public void Filters_and_piped_objects_return_exactly_the_matching_rows()
        {
            var all = Access();
            void Check(string command, Func<PSObject, bool> expected)
            {
                var got = Run(command).AssertSuccess().Output.Select(Key).ToList();
                Assert.NotEmpty(got);
                Assert.Equal(all.Where(expected).Select(Key), got);
            }
            Check("Get-TcOrgAccess -UserName ALICE", r => (string?)Prop(r, "UserId") == "u-alice");
            Check("Get-TcOrgAccess -UserId u-bob,u-carol", r => (string?)Prop(r, "UserId") is "u-bob" or "u-carol");
            Check("Get-TcOrgAccess -GroupName ops", r => (string?)Prop(r, "GroupId") == "g-ops");
            Check("Get-TcOrgAccess -GroupId g-dev", r => (string?)Prop(r, "GroupId") == "g-dev");
            Check("Get-TcOrgAccess -TargetUin 100000000002", r => (long)Prop(r, "TargetUin")! == Account2);
            Check("Get-TcOrgAccess -RoleConfigurationId rc-admin", r => (string?)Prop(r, "RoleConfigurationId") == "rc-admin");
            Check("Get-TcOrgAccess -UserId u-alice -GroupId g-ops", r => (string?)Prop(r, "UserId") == "u-alice" && (string?)Prop(r, "GroupId") == "g-ops");
            // Pipeline input by property name from the matching Get- cmdlets.
            Check("Get-TcOrgUser -Filter carol | Get-TcOrgAccess", r => (string?)Prop(r, "UserId") == "u-carol");
            Check("Get-TcOrgGroup | Where-Object GroupName -eq 'dev' | Get-TcOrgAccess", r => (string?)Prop(r, "GroupId") == "g-dev");
            Check("Get-TcOrgMember -First 1 | Get-TcOrgAccess", r => (long)Prop(r, "TargetUin")! == Account1);
            Check("Get-TcRoleConfiguration | Where-Object RoleConfigurationId -eq 'rc-read' | Get-TcOrgAccess", r => (string?)Prop(r, "RoleConfigurationId") == "rc-read");
        }

        [Fact]
        public void A_bad_filter_is_refused_before_any_request()
        {
            AssertRejected(Run("Get-TcOrgAccess -UserId alice"), "'alice' is not a CIC user ID");
            AssertRejected(Run("Get-TcOrgAccess -GroupId u-alice"), "'u-alice' is not a CIC group ID");
        }

        [Fact]
        public void Member_identities_add_the_organization_side_with_policies()
        {
            Run("Add-TcOrgMemberAuthIdentity -MemberUin 100000000002 -IdentityId 1").AssertSuccess();
            var rows = Access("-TargetUin 100000000002 -IncludeMemberIdentities");
            var identity = Assert.Single(rows, r => (string?)Prop(r, "Source") == "OrganizationIdentity");
            Assert.Equal(1L, Prop(identity, "IdentityId"));
            Assert.Equal("OrganizationAccessControl", Prop(identity, "IdentityName"));
            Assert.Equal("AdministratorAccess", Prop(identity, "Policies")!.ToString());
            Assert.Equal("Configured", Prop(identity, "GrantStatus"));
            Assert.DoesNotContain(Access("-UserName carol -IncludeMemberIdentities"), r => (string?)Prop(r, "Source") == "OrganizationIdentity");
        }

        [Fact]
        public void The_table_reads_at_80_columns_and_flags_the_disabled_user()
        {
            var text = Run("Get-TcOrgAccess | Out-Default").AssertSuccess().HostText;
            var lines = text.Split('\n');
            Assert.Equal(new[] { "User", "Via", "Configuration", "TargetUin", "Deployment" },
                lines.First(l => l.StartsWith("User")).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            Assert.All(lines, l => Assert.True(l.TrimEnd().Length <= 80, "wider than 80: " + l));
            var bob = lines.Single(l => l.StartsWith("bob"));
            Assert.Contains("[disabled]", text);
            Assert.Contains("100000000001", bob);
            Assert.Contains("Deployed", bob);
        }

        // Export-Csv lives in Microsoft.PowerShell.Utility, which this hosted engine does not load: tests/Pester/Access.Tests.ps1 checks CSV in pwsh.

        [Fact]
        public void The_HTML_report_holds_every_row_user_account_and_configuration()
        {
            string folder = Path.Combine(Path.GetTempPath(), "tcorg-access-" + Guid.NewGuid().ToString("N"));
            try
            {
                string file = Path.Combine(folder, "new", "report.html");
                var rows = Access();
                Run("Export-TcOrgAccessReport -Path $file", new Dictionary<string, object?> { ["file"] = file }).AssertSuccess();
                var document = new HtmlParser().ParseDocument(File.ReadAllText(file));
                var listed = document.QuerySelectorAll("#paths tbody tr").ToList();
                Assert.Equal(rows.Count, listed.Count);
                foreach (var row in rows)
                    Assert.Contains(listed, l => l.QuerySelector("td.user")!.TextContent == (string?)Prop(row, "UserName")
                        && l.QuerySelector("td.account")!.TextContent == Prop(row, "TargetUin")!.ToString()
                        && l.QuerySelector("td.configuration")!.TextContent == (string?)Prop(row, "RoleConfigurationName"));
                Assert.Equal(Zone, document.QuerySelector("#zone")!.TextContent);
                Assert.Equal("1", document.QuerySelector("#summary-disabled td")!.TextContent);
                Assert.Null(document.QuerySelector("#filtered")); // the whole zone
            }
            finally
            {
                if (System.IO.Directory.Exists(folder)) System.IO.Directory.Delete(folder, true);
            }
        }

        [Fact]
        public void A_filter_that_names_nothing_warns_and_a_filtered_report_says_so()
        {
            var typo = Run("Get-TcOrgAccess -UserName alcie -GroupId g-nosuch0001").AssertSuccess();
            Assert.Empty(typo.Output);
            Assert.Contains(typo.Warnings, w => w.Contains("no user named 'alcie'") && w.Contains("wildcards are not supported"));
            Assert.Contains(typo.Warnings, w => w.Contains("no group g-nosuch0001"));
            Assert.DoesNotContain(Run("Get-TcOrgAccess -UserName ALICE").AssertSuccess().Warnings, w => w.Contains("no user"));

            string file = Path.Combine(Path.GetTempPath(), "tcorg-access-" + Guid.NewGuid().ToString("N") + ".html");
            try
            {
                Run("Export-TcOrgAccessReport -Path $file -UserName alice -TargetUin 100000000001", new Dictionary<string, object?> { ["file"] = file }).AssertSuccess();
                var filtered = new HtmlParser().ParseDocument(File.ReadAllText(file)).QuerySelector("#filtered");
                Assert.NotNull(filtered);
                Assert.Contains("UserName alice; TargetUin 100000000001", filtered!.TextContent);
                Assert.Contains("not a review of the whole zone", filtered.TextContent);
            }
            finally
            {
                File.Delete(file);
            }
        }
    }
}
