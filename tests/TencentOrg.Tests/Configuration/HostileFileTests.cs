using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>One emulator (the desired-state seed) and one runspace with the module imported by its manifest, shared by every hostile file.</summary>
    public sealed class HostileFileHost : IAsyncLifetime
    {
        public EmulatorServer Emulator { get; private set; } = null!;
        public PsRunner Ps { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var options = new EmulatorOptions { RateLimitPerSecond = 0, TaskPollsToComplete = 0 };
            DesiredStateTestBase.Seed(options);
            Emulator = await EmulatorServer.StartAsync(options);
            Ps = new PsRunner();
            Ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $secretId -SecretKey $secretKey -RequestsPerSecond 1000", new Dictionary<string, object?>
            {
                ["endpoint"] = Emulator.Endpoint,
                ["secretId"] = EmulatorCredential.Demo.SecretId,
                ["secretKey"] = ModuleTestBase.Secure(EmulatorCredential.Demo.SecretKey),
            }).AssertSuccess();
        }

        public async Task DisposeAsync()
        {
            Ps.Dispose();
            await Emulator.DisposeAsync();
        }
    }

    /// <summary>
    /// Issue 17: every file under HostileFiles (repeated keys at every level, case variants, scope missing or malformed,
    /// emptied and cut files, names disagreeing with IDs, unknown IDs, preset identity edits, broken JSON) goes through
    /// Sync-TcOrgConfiguration -Prune, and the emulator's request log shows no write. expected.tsv says what each must say.
    /// </summary>
    public class HostileFileTests : IClassFixture<HostileFileHost>
    {
        private static readonly string Folder = Path.Combine(TestSetup.RepoRoot, "tests", "TencentOrg.Tests", "Configuration", "HostileFiles");
        private readonly HostileFileHost _host;

        public HostileFileTests(HostileFileHost host) => _host = host;

        private static Dictionary<string, string[]> Expected() => File.ReadAllLines(Path.Combine(Folder, "expected.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith("#", StringComparison.Ordinal)).Select(l => l.Split('\t'))
            .ToDictionary(f => f[0], f => f, StringComparer.Ordinal);

        public static IEnumerable<object[]> Files() => Expected().Keys.OrderBy(k => k, StringComparer.Ordinal).Select(k => new object[] { k });

        [Fact]
        public void At_least_40_hostile_files_each_with_an_expectation()
        {
            var files = Directory.GetFiles(Folder, "*.json").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToList();
            Assert.True(files.Count >= 40, files.Count + " hostile files");
            Assert.Equal(files, Expected().Keys.OrderBy(k => k, StringComparer.Ordinal));
        }

        [Theory]
        [MemberData(nameof(Files))]
        public void Sync_Prune_of_a_hostile_file_sends_no_write(string name)
        {
            var expected = Expected()[name];
            int assignments = _host.Emulator.State.RoleAssignments.Count, grants = _host.Emulator.State.MemberAuthIdentities.Count;
            _host.Emulator.Requests.Clear();

            var result = _host.Ps.Run("Sync-TcOrgConfiguration -Path $file -Prune -Wait -Confirm:$false", new Dictionary<string, object?> { ["file"] = Path.Combine(Folder, name) });

            var writes = _host.Emulator.Requests.Snapshot().Select(r => r.Action).Where(ConfigurationFileTestBase.IsWrite).ToList();
            Assert.Empty(writes);
            Assert.Equal(assignments, _host.Emulator.State.RoleAssignments.Count);
            Assert.Equal(grants, _host.Emulator.State.MemberAuthIdentities.Count);
            if (expected[1] == "Warning")
            {
                result.AssertSuccess();
                Assert.Contains(result.Warnings, w => w.Contains(expected[2]));
                return;
            }
            var error = result.FirstError;
            Assert.NotNull(error);
            Assert.Equal(expected[1] + ",TencentOrg.SyncTcOrgConfigurationCommand", error!.FullyQualifiedErrorId);
            Assert.Contains(expected[2], error.Exception.Message);
            Assert.Empty(result.Output);
        }
    }
}
