using System.Text.Json;
using TencentOrg.Emulator;
using TencentOrg.Tests.Emulator;
using Xunit;

namespace TencentOrg.Tests.Access
{
    /// <summary>The permission configurations the access tests seed, and a signed call to the emulator for state changes.</summary>
    internal static class AccessSeed
    {
        /// <summary>Admin holds a system and a custom policy; Read one system policy.</summary>
        public const string AdminPolicyText = "AdministratorAccess;Custom:extra";

        private const string Document = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"cos:GetObject\"],\"resource\":[\"*\"]}]}";

        public static object[] Configurations() => new object[]
        {
            new
            {
                RoleConfigurationId = "rc-admin", RoleConfigurationName = "Admin",
                Policies = new object[]
                {
                    new { RolePolicyId = 1L, RolePolicyName = "AdministratorAccess", RolePolicyType = "System" },
                    new { RolePolicyId = 0L, RolePolicyName = "extra", RolePolicyType = "Custom", RolePolicyDocument = Document },
                },
            },
            new
            {
                RoleConfigurationId = "rc-read", RoleConfigurationName = "Read",
                Policies = new object[] { new { RolePolicyId = 2L, RolePolicyName = "ReadOnlyAccess", RolePolicyType = "System" } },
            },
        };

        /// <summary>One API call signed like the module's, for changes the test makes behind the module's back.</summary>
        public static void Call(EmulatorServer emulator, string action, object body)
        {
            using var client = new EmulatorTestClient(emulator);
            var response = client.CallAsync(action, JsonSerializer.Serialize(body)).GetAwaiter().GetResult();
            Assert.False(response.TryGetProperty("Error", out var error), action + " failed: " + error);
        }
    }
}
