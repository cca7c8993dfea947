using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Models;
using TencentOrg.Services;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>
    /// The one reconciling-write protocol: unit tests with a fake send and probe (what is resent, how often, what each
    /// final error says), and the client's throttled writes through it against a scripted loopback server.
    /// </summary>
    public class ReconcilingWriteTests
    {
        private sealed class CollectingLog : IOrgLog
        {
            public List<string> Lines { get; } = new();
            public void Verbose(string message) { lock (Lines) Lines.Add("V: " + message); }
            public void Debug(string message) { lock (Lines) Lines.Add("D: " + message); }
            public void Warning(string message) { lock (Lines) Lines.Add("W: " + message); }
        }

        /// <summary>A fake server: items it has applied; a script of what each send does.</summary>
        private sealed class FakeService
        {
            public HashSet<string> Applied { get; } = new();
            public List<List<string>> Sends { get; } = new();
            public int Probes;
            /// <summary>Per send (0-based): null = apply and answer; else the failure, applied first when ApplyBeforeFailing.</summary>
            public Func<int, IReadOnlyList<string>, (OrgException? Error, bool ApplyBeforeFailing)> Script { get; set; } = (_, _) => (null, false);
            public Func<int, Exception?> ProbeFailure { get; set; } = _ => null;

            public Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<string> batch, CancellationToken ct)
            {
                int n = Sends.Count;
                Sends.Add(batch.ToList());
                var (error, apply) = Script(n, batch);
                if (error == null || apply) foreach (var item in batch) Applied.Add(item);
                if (error != null) throw error;
                return Task.FromResult<IReadOnlyList<string>>(batch.Select(i => "sent:" + i).ToList());
            }

            public Task<IReadOnlyList<ReadBack<string>>> ProbeAsync(IReadOnlyList<string> batch, CancellationToken ct)
            {
                int n = Probes++;
                if (ProbeFailure(n) is OrgException failure) throw failure;
                return Task.FromResult<IReadOnlyList<ReadBack<string>>>(batch.Select(i => Applied.Contains(i) ? ReadBack<string>.Applied("found:" + i) : ReadBack<string>.Absent).ToList());
            }

            public WritePath<string, string> Path(bool isRemove = false) => new WritePath<string, string>("CreateThing", SendAsync, ProbeAsync) { IsRemove = isRemove };
        }

        private static ReconcilingWrite Writes(int maxRetries, IOrgLog? log = null) =>
            new ReconcilingWrite(maxRetries, TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(5), log ?? NullOrgLog.Instance);

        private static OrgAmbiguousResultException Lost() =>
            new OrgAmbiguousResultException("CreateThing", new OrgTransportException("CreateThing", "ClientError.NetworkError", "reset", true));

        private static OrgApiException Throttled() => new OrgApiException("CreateThing", "RequestLimitExceeded", "slow down", "r");

        [Fact]
        public async Task A_write_that_failed_before_it_ran_is_resent_within_the_budget_until_done()
        {
            var fake = new FakeService { Script = (n, _) => n < 3 ? (Lost(), false) : (null, false) };
            var outcomes = await Writes(5).RunAsync(fake.Path(), new[] { "a", "b" }, CancellationToken.None);
            Assert.All(outcomes, o => Assert.True(o.Succeeded));
            Assert.Equal(4, fake.Sends.Count);
            Assert.Equal(3, fake.Probes);
        }

        [Fact]
        public async Task A_write_applied_before_its_answer_was_lost_is_read_back_and_never_resent()
        {
            var fake = new FakeService { Script = (n, _) => n == 0 ? (Lost(), true) : (null, false) };
            var outcomes = await Writes(5).RunAsync(fake.Path(), new[] { "a" }, CancellationToken.None);
            Assert.Equal("found:a", Assert.Single(outcomes).Result);
            Assert.Single(fake.Sends);
        }

        [Fact]
        public async Task Only_the_items_the_read_proved_absent_are_resent()
        {
            // The first call applied "a" and not "b" (a partial batch), then its answer was lost.
            var fake = new FakeService();
            fake.Script = (n, batch) =>
            {
                if (n == 0) { fake.Applied.Add("a"); return (Lost(), false); }
                return (null, false);
            };
            var outcomes = await Writes(5).RunAsync(fake.Path(), new[] { "a", "b" }, CancellationToken.None);
            Assert.All(outcomes, o => Assert.True(o.Succeeded));
            Assert.Equal(new[] { "b" }, fake.Sends[1]);
        }

        [Fact]
        public async Task A_throttled_write_is_read_back_before_any_resend_and_not_resent_when_it_applied()
        {
            var fake = new FakeService { Script = (n, _) => n == 0 ? (Throttled(), true) : (null, false) };
            var outcomes = await Writes(5).RunAsync(fake.Path(), new[] { "a" }, CancellationToken.None);
            Assert.True(Assert.Single(outcomes).Succeeded);
            Assert.Single(fake.Sends);
            Assert.Equal(1, fake.Probes);
        }

        [Fact]
        public async Task Spent_budget_on_items_proved_absent_says_not_created_never_may_have_been_applied()
        {
            var fake = new FakeService { Script = (_, _) => (Lost(), false) };
            var outcomes = await Writes(2).RunAsync(fake.Path(), new[] { "a" }, CancellationToken.None);
            var error = Assert.IsType<OrgWriteNotAppliedException>(Assert.Single(outcomes).Error);
            Assert.Equal("ClientError.NotApplied", error.Code);
            Assert.Contains("not created", error.Message);
            Assert.DoesNotContain("may have been applied", error.Message);
            Assert.Equal(3, error.Attempts);
            Assert.Equal(3, fake.Sends.Count);
        }

        [Fact]
        public async Task A_remove_still_present_after_the_budget_says_not_removed()
        {
            var fake = new FakeService { Script = (_, _) => (Lost(), false) };
            // For a remove, "applied" means gone: a probe that never finds it gone keeps it "not removed".
            var path = new WritePath<string, string>("DeleteThing", fake.SendAsync,
                (batch, ct) => Task.FromResult<IReadOnlyList<ReadBack<string>>>(batch.Select(_ => ReadBack<string>.Absent).ToList())) { IsRemove = true };
            var outcomes = await Writes(1).RunAsync(path, new[] { "a" }, CancellationToken.None);
            var error = Assert.IsType<OrgWriteNotAppliedException>(Assert.Single(outcomes).Error);
            Assert.Contains("not removed", error.Message);
            Assert.Contains("still present", error.Message);
        }

        [Fact]
        public async Task A_failed_read_back_says_outcome_unknown_and_nothing_is_resent()
        {
            var fake = new FakeService
            {
                Script = (_, _) => (Lost(), false),
                ProbeFailure = _ => new OrgTransportException("ListThings", "ClientError.Timeout", "no answer", true),
            };
            var outcomes = await Writes(5).RunAsync(fake.Path(), new[] { "a", "b" }, CancellationToken.None);
            Assert.All(outcomes, o =>
            {
                var error = Assert.IsType<OrgWriteOutcomeUnknownException>(o.Error);
                Assert.Equal("ClientError.OutcomeUnknown", error.Code);
                Assert.StartsWith("CreateThing failed: ClientError.OutcomeUnknown: outcome unknown", error.Message);
            });
            Assert.Single(fake.Sends);
        }

        [Fact]
        public async Task A_definitive_error_in_a_batch_is_isolated_to_its_item()
        {
            var bad = new OrgApiException("CreateThing", "InvalidParameter.Thing", "bad thing", "r");
            var fake = new FakeService { Script = (_, batch) => batch.Contains("bad") ? (bad, false) : (null, false) };
            var path = fake.Path();
            path.Split = batch => batch.Select(i => (IReadOnlyList<string>)new[] { i });
            var outcomes = await Writes(5).RunAsync(path, new[] { "a", "bad", "c" }, CancellationToken.None);
            Assert.Equal(new[] { "a", "c" }, outcomes.Where(o => o.Succeeded).Select(o => o.Input).OrderBy(i => i));
            Assert.Same(bad, outcomes.Single(o => o.Input == "bad").Error);
            Assert.Equal(0, fake.Probes);
        }

        [Fact]
        public async Task An_already_exists_refusal_of_our_own_resend_is_decided_by_the_read()
        {
            // The resend is refused because the first (lost, late-applied) attempt created it.
            var exists = new OrgApiException("CreateThing", "FailedOperation.ThingExists", "exists", "r");
            var fake = new FakeService();
            int probe = 0;
            var path = new WritePath<string, string>("CreateThing", fake.SendAsync, (batch, ct) =>
                Task.FromResult<IReadOnlyList<ReadBack<string>>>(batch.Select(i => probe++ == 0 ? ReadBack<string>.Absent : ReadBack<string>.Applied("found:" + i)).ToList()));
            fake.Script = (n, _) => n == 0 ? (Lost(), false) : (exists, false);
            var outcomes = await Writes(5).RunAsync(path, new[] { "a" }, CancellationToken.None);
            Assert.Equal("found:a", Assert.Single(outcomes).Result);
            Assert.Equal(2, fake.Sends.Count);
        }

        [Fact]
        public async Task A_budget_of_zero_never_resends()
        {
            var fake = new FakeService { Script = (_, _) => (Lost(), false) };
            var outcomes = await Writes(0).RunAsync(fake.Path(), new[] { "a" }, CancellationToken.None);
            Assert.IsType<OrgWriteNotAppliedException>(Assert.Single(outcomes).Error);
            Assert.Single(fake.Sends);
        }

        // Moved from the client's tests when the throttled-write probe moved from OrgApiClient into ReconcilingWrite.

        private static OrgApiClient Client(Uri endpoint) =>
            new OrgApiClient(new OrgCredential("AKIDRETRYPOLICY00000000000000000001", "RetryPolicySecretKey00000000000001", null, "test"), new OrgClientOptions
            {
                Endpoint = endpoint, MaxRetries = 3, RequestsPerSecond = 0,
                RetryBaseDelay = TimeSpan.FromMilliseconds(5), RetryMaxDelay = TimeSpan.FromMilliseconds(20),
            });

        private static Task Json(HttpContext context, string json)
        {
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        }

        private static WritePath<string, EmptyResponse> ClientPath(OrgApiClient client, IOrgLog log, Func<bool> applied, Action onProbe) =>
            new WritePath<string, EmptyResponse>("ProvisionRoleConfiguration",
                async (batch, ct) => new[] { await client.CallAsync<EmptyResponse>("ProvisionRoleConfiguration", new EmptyRequest(), ApiCallKind.Write, log, ct) },
                (batch, ct) =>
                {
                    onProbe();
                    return Task.FromResult<IReadOnlyList<ReadBack<EmptyResponse>>>(new[] { applied() ? ReadBack<EmptyResponse>.Applied(new EmptyResponse()) : ReadBack<EmptyResponse>.Absent });
                });

        [Fact]
        public async Task Throttled_write_is_not_resent_when_the_probe_finds_it_applied()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, ClientRetryPolicyTests.Throttled));
            int probes = 0;
            var client = Client(server.Endpoint);
            var outcome = Assert.Single(await new ReconcilingWrite(client.Options, NullOrgLog.Instance).RunAsync(
                ClientPath(client, NullOrgLog.Instance, () => true, () => Interlocked.Increment(ref probes)), new[] { "x" }, CancellationToken.None));
            Assert.True(outcome.Succeeded);
            Assert.Single(server.Received);
            Assert.Equal(1, probes);
        }

        [Fact]
        public async Task Throttled_write_is_resent_when_the_probe_finds_nothing()
        {
            int n = 0;
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, Interlocked.Increment(ref n) < 3 ? ClientRetryPolicyTests.Throttled : "{\"Response\":{\"RequestId\":\"ok\"}}"));
            var client = Client(server.Endpoint);
            var log = new CollectingLog();
            var outcome = Assert.Single(await new ReconcilingWrite(client.Options, log).RunAsync(
                ClientPath(client, log, () => false, () => { }), new[] { "x" }, CancellationToken.None));
            Assert.Equal("ok", outcome.Result!.RequestId);
            Assert.Equal(3, server.Received.Count);
            Assert.Equal(2, log.Lines.Count(l => l.StartsWith("V: ") && l.Contains("retry")));
        }
    }
}
