using Xunit;

namespace TencentOrg.Tests.RoleConfigurations
{
    /// <summary>Add-TcRoleConfigurationPolicy's own input rule (Services/RoleConfigurations/AttachingPolicies): each policy once per call.</summary>
    public class AttachPolicyInputTests : Module.CmdletTestBase
    {
        [Fact]
        public void A_policy_given_twice_is_one_error_naming_it_and_the_others_are_attached_in_one_call()
        {
            var result = Run("Add-TcRoleConfigurationPolicy rc-emuconfig001 -PolicyId 2,3,2 -PassThru");

            var error = Assert.Single(result.Errors);
            Assert.Equal("The policy System  (2) is given twice.", error.Exception.Message);
            Assert.Equal("System  (2)", error.TargetObject);
            Assert.Equal(2, result.Output.Count);
            Assert.Equal(1, SentCount("AddPermissionPolicyToRoleConfiguration"));
        }
    }
}
