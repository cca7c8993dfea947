using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using TencentOrg.Emulator;
using TencentOrg.Tests.Module;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>A test of the desired-state cmdlets: a configuration file of its own (deleted after) and the emulator's writes.</summary>
    public abstract class ConfigurationFileTestBase : CmdletTestBase, IDisposable
    {
        protected readonly string File_ = Path.Combine(Path.GetTempPath(), "tcorg-config-" + Guid.NewGuid().ToString("N") + ".json");

        public void Dispose()
        {
            if (File.Exists(File_)) File.Delete(File_);
        }

        protected Dictionary<string, object?> FileVariable => new Dictionary<string, object?> { ["file"] = File_ };

        internal static bool IsWrite(string action) =>
            !action.StartsWith("List", StringComparison.Ordinal) && !action.StartsWith("Describe", StringComparison.Ordinal) && !action.StartsWith("Get", StringComparison.Ordinal);

        /// <summary>The actions of the requests that change something, in the order sent.</summary>
        protected List<string> Writes() => Emulator.Requests.Snapshot().Where(r => IsWrite(r.Action)).Select(r => r.Action).ToList();

        /// <summary>A seed role assignment: the configuration on member account 100000000000 + member, for the principal.</summary>
        internal static object Row(string config, int member, string type, string principal) =>
            new { RoleConfigurationId = config, TargetType = "MemberUin", TargetUin = 100000000000L + member, PrincipalType = type, PrincipalId = principal };
    }

    /// <summary>The desired-state organization: an emulator seeded by <see cref="Seed"/>, shared by the Export/Compare/Sync tests.</summary>
    public abstract class DesiredStateTestBase : ConfigurationFileTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            Seed(options);
        }

        /// <summary>The desired-state seed: 3 identities (1 preset), 15 grants of the custom ones, 50 assignments.</summary>
        internal static void Seed(EmulatorOptions options)
        {
            // 50 assignments: group0001 on rc-emuconfig001 for members 1-30, user00001 on rc-emuconfig002 for members 1-20.
            var assignments = Enumerable.Range(1, 30).Select(m => Row("rc-emuconfig001", m, "Group", "g-emugroup0001"))
                .Concat(Enumerable.Range(1, 20).Select(m => Row("rc-emuconfig002", m, "User", "u-emuuser00001"))).ToArray();
            // Its tasks fail: a Sync -Wait item that ends Failed while the others are Done.
            options.TaskFailures.Add(new TaskFailureRule { PrincipalId = "g-emugroup0004", TargetUin = 100000000002, FailureReason = "Emulated task failure." });
            options.SeedFile = SeedFile(new
            {
                Identities = new object[]
                {
                    new { IdentityId = 1, IdentityAliasName = "OrganizationAccessControl", IdentityType = 1, IdentityRoleName = "OrganizationAccessControlRole",
                        Description = "Preset administrator identity", IdentityPolicy = new[] { new { PolicyId = 1, PolicyName = "AdministratorAccess", PolicyType = 2 } } },
                    new { IdentityId = 101, IdentityAliasName = "auditor", IdentityType = 2, IdentityRoleName = "OrgIdentity_auditor",
                        Description = "Read-only auditors", IdentityPolicy = new[] { new { PolicyId = 2, PolicyName = "ReadOnlyAccess", PolicyType = 2 } } },
                    new { IdentityId = 102, IdentityAliasName = "ops", IdentityType = 2, IdentityRoleName = "OrgIdentity_ops", Description = "Operators",
                        IdentityPolicy = new object[] { new { PolicyId = 0, PolicyName = "CustomPolicy0", PolicyType = 1, PolicyDocument = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"cvm:*\"],\"resource\":[\"*\"]}]}" } } },
                },
                MemberAuthIdentities = Enumerable.Range(1, 12).Select(m => new { MemberUin = 100000000000L + m, IdentityId = 101 })
                    .Concat(Enumerable.Range(1, 3).Select(m => new { MemberUin = 100000000000L + m, IdentityId = 102 })).ToArray(),
                RoleAssignments = assignments,
            });
        }
    }
}
