using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using Xunit;
using Xunit.Abstractions;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 11 item 6 and issue 12 item 3: the limiter's slots, shared budgets and throttling recovery, on a clock the test drives.</summary>
    public class RateBudgetTests
    {
        private readonly ITestOutputHelper _output;

        public RateBudgetTests(ITestOutputHelper output) { _output = output; }

        /// <summary>Time that moves only when the limiter waits (or never, for waits that must stay pending).</summary>
        private sealed class FakeTime
        {
            public double Now;
            public bool Frozen;

            public Task Delay(TimeSpan wait, CancellationToken ct)
            {
                if (Frozen) return Task.Delay(Timeout.Infinite, ct);
                Now += wait.TotalSeconds;
                return Task.CompletedTask;
            }
        }

        private static ActionRateLimiter Limiter(double rate, FakeTime time) => new ActionRateLimiter(rate, () => time.Now, time.Delay);

        [Fact]
        public async Task Cancelled_waits_give_their_slots_back_so_the_next_call_at_20_per_s_is_not_held_up()
        {
            var time = new FakeTime { Frozen = true };
            var limiter = Limiter(20, time);
            using var slow = limiter.Join(0.1);
            Assert.True(limiter.WaitAsync("Create", CancellationToken.None).IsCompleted); // the one call that was sent
            using var stop = new CancellationTokenSource();
            var pending = Enumerable.Range(0, 5).Select(_ => limiter.WaitAsync("Create", stop.Token)).ToList();
            Assert.All(pending, t => Assert.False(t.IsCompleted));
            Assert.Equal(60, limiter.NextFreeIn("Create"), 3);

            stop.Cancel(); // Ctrl+C on the -RequestsPerSecond 0.1 run
            foreach (var wait in pending) await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
            Assert.Equal(10, limiter.NextFreeIn("Create"), 3); // only the call that left still counts

            slow.Dispose();
            using var fast = limiter.Join(20);
            time.Now = 0.05;
            Assert.Equal(0, limiter.NextFreeIn("Create"), 3);
            Assert.True(limiter.WaitAsync("Create", CancellationToken.None).IsCompleted);
        }

        [Fact]
        public void The_budget_in_force_is_the_highest_asked_by_a_live_session_and_returns_when_it_goes()
        {
            var limiter = Limiter(20, new FakeTime());
            using var follower = limiter.Join(null); // a session that asked nothing
            Assert.Equal(20, limiter.RatePerSecond);
            var careful = limiter.Join(0.5);
            Assert.Equal(0.5, limiter.RatePerSecond); // the only ask governs, the follower included
            Assert.Equal(0.5, follower.InForcePerSecond);
            var raise = limiter.Join(10);
            Assert.Equal(10, limiter.RatePerSecond); // any session can raise it back by asking
            using (limiter.Join(2)) Assert.Equal(10, limiter.RatePerSecond); // not the latest, not the lowest: the highest
            raise.Dispose();
            Assert.Equal(0.5, limiter.RatePerSecond); // the highest still asked by a live session
            careful.Dispose();
            Assert.Equal(20, follower.InForcePerSecond); // no ask live: the default
            Assert.Equal(20, follower.RequestedPerSecond);

            AskAndForget(limiter, 1);
            Assert.Equal(1, limiter.RatePerSecond);
            for (int i = 0; i < 5 && limiter.RatePerSecond != 20; i++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }
            Assert.Equal(20, limiter.RatePerSecond); // a runspace closed without Disconnect-TcOrg
        }

        [Fact]
        public void A_process_budget_with_no_ask_live_is_the_default_never_the_first_sessions_ask()
        {
            var endpoint = new Uri("http://127.0.0.1:9/");
            var limiter = RateBudgets.For("AKIDFIRST" + Guid.NewGuid().ToString("N"), endpoint);
            limiter.Join(0.1).Dispose(); // the first session of the key asked 0.1 and disconnected
            Assert.Equal(OrgClientOptions.DefaultRequestsPerSecond, limiter.RatePerSecond);
        }

        private static void AskAndForget(ActionRateLimiter limiter, double rate) => limiter.Join(rate);

        [Fact]
        public void Budgets_are_keyed_by_SecretId_and_endpoint_so_other_organizations_are_never_slowed()
        {
            var endpoint = new Uri("http://127.0.0.1:9/");
            string idA = "AKIDBUDGETA" + Guid.NewGuid().ToString("N"), idB = "AKIDBUDGETB" + Guid.NewGuid().ToString("N");
            var a = RateBudgets.For(idA, endpoint);
            Assert.Same(a, RateBudgets.For(idA, new Uri("http://127.0.0.1:9/other-path-same-host")));
            var b = RateBudgets.For(idB, endpoint);
            var otherHost = RateBudgets.For(idA, new Uri("http://127.0.0.1:10/"));
            Assert.NotSame(a, b);
            Assert.NotSame(a, otherHost);

            using var slowA = a.Join(0.1);
            using var fastB = b.Join(20);
            Assert.True(a.WaitAsync("CreateOrganizationIdentity", CancellationToken.None).IsCompleted);
            using var stop = new CancellationTokenSource();
            var heldA = a.WaitAsync("CreateOrganizationIdentity", stop.Token);
            Assert.False(heldA.IsCompleted);

            Assert.Equal(20, b.RatePerSecond);
            Assert.Equal(20, otherHost.RatePerSecond);
            Assert.True(b.WaitAsync("CreateOrganizationIdentity", CancellationToken.None).IsCompleted);
            Assert.True(otherHost.WaitAsync("CreateOrganizationIdentity", CancellationToken.None).IsCompleted);
            stop.Cancel();
        }

        /// <summary>One caller, as fast as the limiter lets it, against a server that answers RequestLimitExceeded by chance or by a limit.</summary>
        private static (double SuccessPerSecond, int Calls, int Throttled, double LowestRate) Simulate(ActionRateLimiter limiter, FakeTime time,
            int successes, Func<double, bool> throttledAt)
        {
            int ok = 0, calls = 0, throttled = 0;
            double lowest = double.MaxValue;
            while (ok < successes)
            {
                Assert.True(limiter.WaitAsync("CreateOrganizationIdentity", CancellationToken.None).IsCompleted);
                calls++;
                time.Now += 0.002; // the round trip
                if (throttledAt(time.Now))
                {
                    throttled++;
                    lowest = Math.Min(lowest, limiter.Throttled("CreateOrganizationIdentity"));
                }
                else
                {
                    ok++;
                    limiter.Succeeded("CreateOrganizationIdentity");
                }
            }
            return (ok / time.Now, calls, throttled, lowest);
        }

        [Fact]
        public void Random_throttling_of_10_percent_keeps_at_least_80_percent_of_what_the_server_grants()
        {
            var time = new FakeTime();
            var random = new Random(12);
            var run = Simulate(Limiter(20, time), time, 2000, _ => random.NextDouble() < 0.1);

            double granted = 20 * 0.9;
            _output.WriteLine("FIGURES random 10% throttling at 20/s: " + run.SuccessPerSecond.ToString("0.0") + " successes/s of " + granted
                + " granted; " + run.Throttled + " throttled of " + run.Calls + " calls; lowest rate " + run.LowestRate.ToString("0.0"));
            Assert.InRange(run.SuccessPerSecond, 0.8 * granted, granted);
            Assert.True(run.LowestRate > 20 / ActionRateLimiter.MaxSlowdown, "collapsed to the minimum rate: " + run.LowestRate);
        }

        [Fact]
        public void A_real_lower_limit_is_found_and_kept_without_hammering_the_service()
        {
            var time = new FakeTime();
            // The service allows 5/s for this account (token bucket, burst 5); the client's budget is 40/s.
            double tokens = 5, last = 0;
            var run = Simulate(Limiter(40, time), time, 500, now =>
            {
                tokens = Math.Min(5, tokens + (now - last) * 5);
                last = now;
                if (tokens < 1) return true;
                tokens -= 1;
                return false;
            });

            _output.WriteLine("FIGURES service limit 5/s, budget 40/s: " + run.SuccessPerSecond.ToString("0.00") + " successes/s; "
                + run.Throttled + " throttled of " + run.Calls + " calls");
            Assert.InRange(run.SuccessPerSecond, 0.8 * 5, 5.5); // a little over 5 from the service's burst
            // Sending at the budget would be throttled 7 times in 8.
            Assert.InRange(run.Throttled, 1, run.Calls / 4);
        }
    }
}
