namespace TencentOrg.Benchmarks
{
    /// <summary>Seed records the access bench writes for the emulator child.</summary>
    internal static class BenchSeed
    {
        public static object Configuration(string id, string name) => new
        {
            RoleConfigurationId = id,
            RoleConfigurationName = name,
            Policies = new object[]
            {
                new { RolePolicyId = 2L, RolePolicyName = "ReadOnlyAccess", RolePolicyType = "System" },
                new { RolePolicyId = 0L, RolePolicyName = "bench", RolePolicyType = "Custom", RolePolicyDocument = "{\"version\":\"2.0\",\"statement\":[{\"effect\":\"allow\",\"action\":[\"cos:GetObject\"],\"resource\":[\"*\"]}]}" },
            },
        };
    }
}
