using System.Linq;
using TencentOrg.Api;
using TencentOrg.Emulator;
using TencentOrg.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Client
{
    public class RateLimiterTests
    {
        [Fact]
        public void Throttling_halves_the_rate_down_to_a_floor_and_successes_win_it_back()
        {
            var limiter = new ActionRateLimiter(20);
            Assert.Equal(20, limiter.CurrentRate("A"));
            Assert.Equal(19, limiter.Throttled("A"), 3); // a lone throttle costs 5%
            Assert.Equal(20, limiter.CurrentRate("B"));
            for (int i = 0; i < 30; i++) limiter.Throttled("A"); // clustered ones halve it down to the floor
            Assert.Equal(20 / ActionRateLimiter.MaxSlowdown, limiter.CurrentRate("A"));
            for (int i = 0; i < 200; i++) limiter.Succeeded("A");
            Assert.Equal(20, limiter.CurrentRate("A"));
        }
    }

    /// <summary>A service limit below the client's budget (shared account): the client slows down instead of hammering.</summary>
    public class AdaptiveThrottlingTests : ModuleTestBase
    {
        private readonly ITestOutputHelper _output;

        public AdaptiveThrottlingTests(ITestOutputHelper output) { _output = output; }

        protected override void Configure(EmulatorOptions options) => options.RateLimitPerAction["CreateOrganizationIdentity"] = 5;

        protected override string ConnectArguments => "-RequestsPerSecond 40 -MaxRetries 10";

        [Fact]
        public void Bulk_creates_against_a_lower_service_limit_all_succeed_and_the_client_slows_down()
        {
            var result = Run("1..30 | ForEach-Object { [pscustomobject]@{ Name = \"Shared$_\"; Policy = '2:ReadOnlyAccess' } } | New-TcOrgIdentity -Verbose").AssertSuccess();
            Assert.Equal(30, result.Output.Count);
            Assert.Equal(30, Emulator.State.Identities.Count(i => i.IdentityAliasName.StartsWith("Shared")));
            Assert.Contains(result.Verbose, v => v.Contains("slowing to"));
            int throttled = Emulator.Requests.ForAction("CreateOrganizationIdentity").Count(r => r.ErrorCode == "RequestLimitExceeded");
            _output.WriteLine("FIGURES adaptive throttling: 30 creates, service limit 5/s, client budget 40/s: " + throttled + " throttled answers");
            // Each throttled answer halves the rate, so a few suffice to match the service (measured: 8); without slowing down, 62.
            Assert.InRange(throttled, 1, 30);
        }
    }
}
