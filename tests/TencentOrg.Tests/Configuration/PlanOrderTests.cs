using System.Linq;
using TencentOrg.Services.Configuration;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>Compare and Sync -WhatIf list the plan in the order Sync sends it: a preview that reads in another order misleads a reviewer.</summary>
    public class PlanOrderTests
    {
        private static ConfigurationPlanItem Item(ConfigurationAction action, ConfigurationKind kind, string key) =>
            new ConfigurationPlanItem { Action = action, Kind = kind, Key = key };

        [Fact]
        public void The_plan_is_listed_in_send_order_dependencies_first_for_adds_and_reversed_for_removals()
        {
            var planned = new[]
            {
                Item(ConfigurationAction.Remove, ConfigurationKind.User, "user00006"),
                Item(ConfigurationAction.Remove, ConfigurationKind.GroupMember, "ops/user00006"),
                Item(ConfigurationAction.Add, ConfigurationKind.RoleAssignment, "rc-a/u-new/1"),
                Item(ConfigurationAction.Add, ConfigurationKind.Group, "new-team"),
                Item(ConfigurationAction.Add, ConfigurationKind.User, "new.user"),
                Item(ConfigurationAction.Remove, ConfigurationKind.RoleAssignment, "rc-a/u-old/1"),
                Item(ConfigurationAction.Add, ConfigurationKind.User, "second.user"),
            };
            var listed = ConfigurationApplier.InSendOrder(planned).Select(i => i.Key).ToList();
            Assert.Equal(new[] { "new.user", "second.user", "new-team", "rc-a/u-new/1", "rc-a/u-old/1", "ops/user00006", "user00006" }, listed);
        }
    }
}
