using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using TencentOrg.Tests.Reliability;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Budgets through the module: shared per key across runspaces and shown truthfully; recovery from random throttling.</summary>
    public class SharedBudgetModuleTests
    {
        private static readonly EmulatorCredential OtherOrg = new("AKIDOTHERORGANIZATION00000000000001", "OtherOrganizationSecretKey000000001");

        private readonly ITestOutputHelper _output;

        public SharedBudgetModuleTests(ITestOutputHelper output) { _output = output; }

        private static PsResult Connect(PsRunner ps, Uri endpoint, EmulatorCredential credential, string arguments) =>
            ps.Run("Connect-TcOrg -Endpoint $endpoint -SecretId $id -SecretKey $key " + arguments, new Dictionary<string, object?>
            {
                ["endpoint"] = endpoint,
                ["id"] = credential.SecretId,
                ["key"] = ModuleTestBase.Secure(credential.SecretKey),
            }).AssertSuccess();

        private static (double InForce, double? Requested) Budget(PsRunner ps)
        {
            var context = ps.Run("Get-TcOrgContext").AssertSuccess().Output.Single();
            return ((double)context.Properties["RequestsPerSecond"].Value, (double?)context.Properties["RequestedRequestsPerSecond"].Value);
        }

        [Fact]
        public async Task Runspaces_with_one_key_share_the_highest_asked_budget_and_say_so_while_another_organization_keeps_its_own()
        {
            var options = new EmulatorOptions();
            options.Credentials.Add(OtherOrg);
            await using var emulator = await EmulatorServer.StartAsync(options);
            using var careful = new PsRunner();
            using var bulk = new PsRunner();
            using var other = new PsRunner();

            Connect(careful, emulator.Endpoint, EmulatorCredential.Demo, "-RequestsPerSecond 0.5");
            var joined = Connect(bulk, emulator.Endpoint, EmulatorCredential.Demo, "");
            Connect(other, emulator.Endpoint, OtherOrg, "").AssertSuccess();

            Assert.Contains(joined.Warnings, w => w.Contains("0.5 requests/s"));
            Assert.Equal((0.5, 0.5), Budget(careful));
            Assert.Equal((0.5, (double?)null), Budget(bulk));   // shown truthfully: it asked nothing and follows the 0.5 asked
            Assert.Equal((20.0, (double?)null), Budget(other)); // another organization is never slowed

            // The parent raises it back by asking; a careful session that connects now is told its ask does not apply.
            using var raiser = new PsRunner();
            Assert.Empty(Connect(raiser, emulator.Endpoint, EmulatorCredential.Demo, "-RequestsPerSecond 20").Warnings);
            Assert.Equal((20.0, (double?)null), Budget(bulk));
            Assert.Equal((20.0, 0.5), Budget(careful));
            using (var late = new PsRunner())
                Assert.Contains(Connect(late, emulator.Endpoint, EmulatorCredential.Demo, "-RequestsPerSecond 1").Warnings, w => w.Contains("20 requests/s") && w.Contains("this session's 1 applies only once"));
            raiser.Run("Disconnect-TcOrg").AssertSuccess();
            Assert.Equal((0.5, (double?)null), Budget(bulk)); // the highest still asked by a live session

            careful.Run("Disconnect-TcOrg").AssertSuccess();
            Assert.Equal((20.0, (double?)null), Budget(bulk));

            // An ask above the service's limit is taken, with a warning: every session with the key runs at it.
            using var eager = new PsRunner();
            Assert.Contains(Connect(eager, emulator.Endpoint, EmulatorCredential.Demo, "-RequestsPerSecond 50").Warnings, w => w.Contains("above the service's limit of 20"));
            Assert.Equal((50.0, (double?)null), Budget(bulk));
        }

        [Fact]
        public async Task With_10_percent_of_answers_throttled_every_identity_is_created_once_with_no_error_and_the_rate_never_collapses()
        {
            await using var env = await ReliabilityEnv.StartAsync();
            env.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.RequestLimitExceeded, Probability = 0.1 });

            var result = env.Run("1..150 | ForEach-Object { [pscustomobject]@{ Name = \"Throttled$_\"; Policy = '2:ReadOnlyAccess' } } | New-TcOrgIdentity -Verbose");

            result.AssertSuccess();
            Assert.Equal(150, result.Output.Select(o => (long)o.Properties["IdentityId"].Value).Where(id => id > 0).Distinct().Count());
            Assert.Equal(150, env.Emulator.State.Identities.Count(i => i.IdentityAliasName.StartsWith("Throttled")));
            var creates = env.Emulator.Requests.ForAction("CreateOrganizationIdentity");
            int throttled = creates.Count(r => r.ErrorCode == "RequestLimitExceeded");
            Assert.Equal(150, creates.Count(r => r.ErrorCode == null && r.Handled));
            Assert.InRange(throttled, 1, 60);
            var rates = result.Verbose.Select(v => Regex.Match(v, @"CreateOrganizationIdentity: throttled .*slowing to ([0-9.]+) requests/s"))
                .Where(m => m.Success).Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
            Assert.NotEmpty(rates);
            _output.WriteLine("FIGURES 150 creates, 10% throttled: " + creates.Count + " create calls, " + throttled + " throttled; lowest rate "
                + rates.Min().ToString("0.##", CultureInfo.InvariantCulture) + "/s");
            // Halving on every throttle ends at 20/16 = 1.25/s within a few dozen calls; recovery keeps near what the server grants.
            Assert.True(rates.Min() > 20 / ActionRateLimiter.MaxSlowdown * 2, "the rate collapsed to " + rates.Min());
        }
    }
}
