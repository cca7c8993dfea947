namespace TencentOrg.Benchmarks
{
    /// <summary>Seed records the access bench writes for the emulator child.</summary>
    internal static class BenchSeed
    {
        public static object Configuration(string id, string name) => new { RoleConfigurationId = id, RoleConfigurationName = name };
    }
}
