using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 21 item 6: a lowered budget ends with its runspace or session, at once, with no garbage collection.</summary>
    public class BudgetLifetimeTests
    {
        private static Dictionary<string, object?> Vars(Uri endpoint) => new()
        {
            ["endpoint"] = endpoint,
            ["id"] = EmulatorCredential.Demo.SecretId,
            ["key"] = ModuleTestBase.Secure(EmulatorCredential.Demo.SecretKey),
            ["manifest"] = TestSetup.ModuleManifest,
        };

        private static double InForce(PsRunner ps) =>
            (double)ps.Run("Get-TcOrgContext").AssertSuccess().Output.Single().Properties["RequestsPerSecond"].Value;

        [Fact]
        public async Task A_closed_runspace_or_a_replaced_session_gives_its_low_budget_back_at_once()
        {
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { RateLimitPerSecond = 0 });
            using var bulk = new PsRunner();
            var careful = new PsRunner();
            careful.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key -RequestsPerSecond 0.1", Vars(emulator.Endpoint)).AssertSuccess();
            bulk.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key", Vars(emulator.Endpoint)).AssertSuccess();
            Assert.Equal(0.1, InForce(bulk));

            careful.Dispose();
            Assert.Equal(20.0, InForce(bulk));
            var clock = Stopwatch.StartNew();
            bulk.Run("1..5 | ForEach-Object { [pscustomobject]@{ Name = \"AfterClose$_\"; Policy = '2:ReadOnlyAccess' } } | New-TcOrgIdentity").AssertSuccess();
            // At the closed runspace's 0.1 request/s these five would take 40 s.
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), "5 creates took " + clock.Elapsed);

            // A session replaced in the same runspace withdraws its ask too.
            using var again = new PsRunner();
            again.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key -RequestsPerSecond 0.2", Vars(emulator.Endpoint)).AssertSuccess();
            Assert.Equal(0.2, InForce(bulk));
            again.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key -RequestsPerSecond 50", Vars(emulator.Endpoint)).AssertSuccess();
            Assert.Equal(50.0, InForce(bulk)); // the 0.2 ask went with its session: the one live ask governs
            // Still reachable: its runspace was closed, not collected.
            GC.KeepAlive(careful);
        }

        [Fact]
        public async Task A_runspace_of_ForEach_Object_Parallel_that_asked_for_less_does_not_slow_the_parent_after_it_ends()
        {
            await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { RateLimitPerSecond = 0 });
            using var parent = new PsRunner();
            parent.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key", Vars(emulator.Endpoint)).AssertSuccess();

            var inside = parent.Run(@"
1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
    Import-Module $using:manifest
    Connect-TcOrg -Endpoint $using:endpoint -SecretId $using:id -SecretKey $using:key -RequestsPerSecond 0.2
    (Get-TcOrgContext).RequestsPerSecond
}", Vars(emulator.Endpoint));

            inside.AssertSuccess();
            Assert.Equal(new[] { 0.2, 0.2 }, inside.Output.Select(o => (double)o.BaseObject));
            Assert.Equal(20.0, InForce(parent));
        }
    }
}
