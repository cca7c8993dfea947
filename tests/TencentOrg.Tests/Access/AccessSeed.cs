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

        public static object[] Configurations() => new object[]
        {
            new { RoleConfigurationId = "rc-admin", RoleConfigurationName = "Admin" },
            new { RoleConfigurationId = "rc-read", RoleConfigurationName = "Read" },
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
