using System.Linq;
using TencentOrg.Services;
using Xunit;

namespace TencentOrg.Tests.RoleAssignments
{
    /// <summary>The assignment rules New- and Remove-TcRoleAssignment share, without PowerShell.</summary>
    public class RoleAssignmentValidationTests
    {
        private static RoleAssignmentInfo Valid() => new RoleAssignmentInfo
        {
            RoleConfigurationId = "rc-abc", TargetType = "MemberUin", TargetUin = 100000000001, PrincipalType = "User", PrincipalId = "u-abc",
        };

        [Fact]
        public void A_valid_assignment_has_no_problem()
        {
            Assert.Null(Services.RoleAssignments.Problem(Valid()));
        }

        [Theory]
        [InlineData("RoleConfigurationId", "RC-ABC", "is not a permission configuration ID")]
        [InlineData("TargetType", "memberuin", "must be MemberUin or ManagerUin")]
        [InlineData("PrincipalId", "x-abc", "is not a CIC user (u-...) or group (g-...) ID")]
        [InlineData("PrincipalType", "Group", "does not match PrincipalId u-abc")]
        public void Each_bad_field_is_named_in_words(string field, string value, string message)
        {
            var item = Valid();
            typeof(RoleAssignmentInfo).GetProperty(field)!.SetValue(item, value);
            Assert.Contains(message, Services.RoleAssignments.Problem(item));
        }

        [Fact]
        public void A_missing_or_non_positive_target_is_a_problem()
        {
            var item = Valid();
            item.TargetUin = 0;
            Assert.Contains("positive account UIN", Services.RoleAssignments.Problem(item));
        }

        [Fact]
        public void Expand_gives_every_principal_on_every_account_with_the_type_inferred()
        {
            var items = Services.RoleAssignments.Expand("rc-abc", null, new[] { 1L, 2L }, null, new[] { "u-a", "g-b" }).ToList();
            Assert.Equal(new[] { "u-a|1|User", "u-a|2|User", "g-b|1|Group", "g-b|2|Group" },
                items.Select(i => i.PrincipalId + "|" + i.TargetUin + "|" + i.PrincipalType));
            Assert.All(items, i => Assert.Equal("MemberUin", i.TargetType));
        }

        [Fact]
        public void Normalize_fills_defaults_on_a_copy()
        {
            var input = new RoleAssignmentInfo { RoleConfigurationId = "rc-abc", TargetUin = 1, PrincipalId = "g-abc" };
            var normalized = Services.RoleAssignments.Normalize(input);
            Assert.Equal("Group", normalized.PrincipalType);
            Assert.Equal("MemberUin", normalized.TargetType);
            Assert.Null(input.PrincipalType);
            Assert.Null(input.TargetType);
        }
    }
}
