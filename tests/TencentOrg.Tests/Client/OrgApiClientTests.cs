using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Models;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Client
{
    /// <summary>The HTTP client against a real loopback Kestrel server.</summary>
    public class OrgApiClientTests
    {
        private const string SecretId = "AKIDCLIENTTEST000000000000000000000";
        private const string SecretKey = "ClientTestSecretKey0000000000000000";

        private sealed class CollectingLog : IOrgLog
        {
            public List<string> Lines { get; } = new();
            public void Verbose(string message) { lock (Lines) Lines.Add("V: " + message); }
            public void Debug(string message) { lock (Lines) Lines.Add("D: " + message); }
            public void Warning(string message) { lock (Lines) Lines.Add("W: " + message); }
        }

        private static OrgApiClient Client(Uri endpoint, string? token = null, string? region = null, int timeoutMs = 5000, int maxRetries = 3) =>
            new OrgApiClient(new OrgCredential(SecretId, SecretKey, token, "test"), new OrgClientOptions
            {
                Endpoint = endpoint,
                Region = region,
                Timeout = TimeSpan.FromMilliseconds(timeoutMs),
                MaxRetries = maxRetries,
                RetryBaseDelay = TimeSpan.FromMilliseconds(10),
                RetryMaxDelay = TimeSpan.FromMilliseconds(50),
                RequestsPerSecond = 0,
            });

        private static Task Json(HttpContext context, string json, int status = 200)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json";
            return context.Response.WriteAsync(json);
        }

        [Fact]
        public async Task Sends_signed_request_with_documented_headers()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, "{\"Response\":{\"IdentityId\":101,\"RequestId\":\"req-1\"}}"));
            var client = Client(server.Endpoint);

            var response = await client.CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity",
                new CreateOrganizationIdentityRequest { IdentityAliasName = "admin", IdentityPolicy = new() { new IdentityPolicy { PolicyId = 1, PolicyName = "AdministratorAccess" } } },
                ApiCallKind.Write, null, CancellationToken.None);

            Assert.Equal(101, response.IdentityId);
            Assert.Equal("req-1", response.RequestId);
            var got = Assert.Single(server.Received);
            Assert.Equal("POST", got.Method);
            Assert.Equal("application/json", got.Headers["Content-Type"]);
            Assert.Equal("CreateOrganizationIdentity", got.Headers["X-TC-Action"]);
            Assert.Equal("2021-03-31", got.Headers["X-TC-Version"]);
            Assert.Equal("en-US", got.Headers["X-TC-Language"]);
            Assert.StartsWith("PS_TENCENTORG_", got.Headers["X-TC-RequestClient"]);
            Assert.False(got.Headers.ContainsKey("X-TC-Region"));
            Assert.False(got.Headers.ContainsKey("X-TC-Token"));
            long ts = long.Parse(got.Headers["X-TC-Timestamp"]);
            Assert.InRange(ts, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 10, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 10);
            // Nulls are omitted, names are PascalCase.
            Assert.Equal("{\"IdentityAliasName\":\"admin\",\"IdentityPolicy\":[{\"PolicyId\":1,\"PolicyName\":\"AdministratorAccess\"}]}", got.BodyText);

            // The signature verifies over exactly what arrived.
            var expected = new Tc3Signer(SecretId, SecretKey).Sign(new Tc3Request
            {
                Host = got.Headers["Host"],
                ContentType = got.Headers["Content-Type"],
                Payload = got.Body,
                Timestamp = ts,
            });
            Assert.Equal(expected.Authorization, got.Headers["Authorization"]);
        }

        [Fact]
        public async Task Sends_region_and_token_only_when_set_and_keeps_64_bit_uins()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, "{\"Response\":{\"RequestId\":\"r\"}}"));
            var client = Client(server.Endpoint, token: "session-token-xyz", region: "ap-guangzhou");
            await client.CallAsync<EmptyResponse>("CreateOrganizationMemberAuthIdentity",
                new CreateOrganizationMemberAuthIdentityRequest { MemberUins = new() { 700000145543123 }, IdentityIds = new() { 13 } },
                ApiCallKind.Write, null, CancellationToken.None);
            var got = Assert.Single(server.Received);
            Assert.Equal("ap-guangzhou", got.Headers["X-TC-Region"]);
            Assert.Equal("session-token-xyz", got.Headers["X-TC-Token"]);
            Assert.Contains("\"MemberUins\":[700000145543123]", got.BodyText);
        }

        [Fact]
        public async Task Error_envelope_becomes_typed_exception_with_code_message_and_request_id()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx,
                "{\"Response\":{\"Error\":{\"Code\":\"FailedOperation.OrganizationIdentityNameUsed\",\"Message\":\"name used\"},\"RequestId\":\"req-err\"}}"));
            var client = Client(server.Endpoint);
            var ex = await Assert.ThrowsAsync<OrgApiException>(() => client.CallAsync<CreateOrganizationIdentityResponse>(
                "CreateOrganizationIdentity", new CreateOrganizationIdentityRequest { IdentityAliasName = "x" }, ApiCallKind.Write, null, CancellationToken.None));
            Assert.Equal("FailedOperation.OrganizationIdentityNameUsed", ex.Code);
            Assert.Equal("name used", ex.ServiceMessage);
            Assert.Equal("req-err", ex.RequestId);
            Assert.Contains("req-err", ex.Message);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task Throttled_create_is_not_resent_by_the_client_but_handed_over_as_ambiguous()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) =>
                Json(ctx, "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded.UinLimitExceeded\",\"Message\":\"slow down\"},\"RequestId\":\"t\"}}"));
            var ex = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => Client(server.Endpoint).CallAsync<CreateOrganizationIdentityResponse>(
                "CreateOrganizationIdentity", new CreateOrganizationIdentityRequest { IdentityAliasName = "x" }, ApiCallKind.Write, null, CancellationToken.None));
            Assert.Contains("RequestLimitExceeded", ex.Message);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task Read_is_retried_on_http_5xx_but_create_is_reported_ambiguous_without_resend()
        {
            int calls = 0;
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Interlocked.Increment(ref calls) == 1
                ? Json(ctx, "bad gateway", 502)
                : Json(ctx, "{\"Response\":{\"Total\":0,\"Items\":[],\"RequestId\":\"ok\"}}"));
            var client = Client(server.Endpoint);
            var list = await client.CallAsync<ListOrganizationIdentityResponse>("ListOrganizationIdentity",
                new ListOrganizationIdentityRequest { Limit = 10 }, ApiCallKind.Read, null, CancellationToken.None);
            Assert.Equal(0, list.Total);
            Assert.Equal(2, server.Received.Count);

            Interlocked.Exchange(ref calls, 0);
            while (server.Received.TryDequeue(out _)) { }
            var ex = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => client.CallAsync<CreateOrganizationIdentityResponse>(
                "CreateOrganizationIdentity", new CreateOrganizationIdentityRequest { IdentityAliasName = "x" }, ApiCallKind.Write, null, CancellationToken.None));
            Assert.Single(server.Received);
            Assert.Contains("502", ex.Message);
        }

        [Fact]
        public async Task Timeout_of_a_create_is_ambiguous_and_not_resent()
        {
            await using var server = await LoopbackServer.StartAsync(async (_, ctx) => await Task.Delay(5000, ctx.RequestAborted));
            var client = Client(server.Endpoint, timeoutMs: 300);
            var ex = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => client.CallAsync<CreateOrganizationIdentityResponse>(
                "CreateOrganizationIdentity", new CreateOrganizationIdentityRequest { IdentityAliasName = "x" }, ApiCallKind.Write, null, CancellationToken.None));
            Assert.IsType<OrgTransportException>(ex.InnerException);
            Assert.Equal("ClientError.Timeout", ((OrgTransportException)ex.InnerException!).Code);
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task Connection_refused_is_retried_even_for_creates_and_reported_as_network_error()
        {
            // A port nobody listens on: the request provably never reached a server.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var log = new CollectingLog();
            var ex = await Assert.ThrowsAsync<OrgTransportException>(() => Client(new Uri("http://127.0.0.1:" + port + "/"), maxRetries: 2)
                .CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity", new CreateOrganizationIdentityRequest { IdentityAliasName = "x" },
                    ApiCallKind.Write, log, CancellationToken.None));
            Assert.IsNotType<OrgAmbiguousResultException>(ex);
            Assert.False(ex.MayHaveReachedServer);
            Assert.Equal("ClientError.NetworkError", ex.Code);
            Assert.Equal(2, log.Lines.Count(l => l.Contains("retry")));
        }

        [Fact]
        public async Task Signature_expire_corrects_clock_from_server_date_and_retries_once_with_warning()
        {
            var serverNow = DateTimeOffset.UtcNow.AddHours(2);
            await using var server = await LoopbackServer.StartAsync((req, ctx) =>
            {
                ctx.Response.Headers["Date"] = serverNow.ToString("r");
                long ts = long.Parse(req.Headers["X-TC-Timestamp"]);
                return Math.Abs(ts - serverNow.ToUnixTimeSeconds()) > 300
                    ? Json(ctx, "{\"Response\":{\"Error\":{\"Code\":\"AuthFailure.SignatureExpire\",\"Message\":\"expired\"},\"RequestId\":\"e\"}}")
                    : Json(ctx, "{\"Response\":{\"IdentityId\":9,\"RequestId\":\"ok\"}}");
            });
            var log = new CollectingLog();
            var client = Client(server.Endpoint);
            var response = await client.CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity",
                new CreateOrganizationIdentityRequest { IdentityAliasName = "x" }, ApiCallKind.Write, log, CancellationToken.None);
            Assert.Equal(9, response.IdentityId);
            Assert.Equal(2, server.Received.Count);
            Assert.Contains(log.Lines, l => l.StartsWith("W: ") && l.Contains("clock"));
            Assert.InRange(client.ClockOffsetSeconds, 7190, 7210);
        }

        [Fact]
        public async Task Malformed_json_is_a_parse_error()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, "{\"Response\":{\"Total\":"));
            var ex = await Assert.ThrowsAsync<OrgTransportException>(() => Client(server.Endpoint, maxRetries: 1).CallAsync<ListOrganizationIdentityResponse>(
                "ListOrganizationIdentity", new ListOrganizationIdentityRequest { Limit = 1 }, ApiCallKind.Read, null, CancellationToken.None));
            Assert.Equal("ClientError.ParseJsonError", ex.Code);
            Assert.Equal(2, server.Received.Count);
        }

        [Fact]
        public async Task Debug_trace_redacts_signature_and_token()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, "{\"Response\":{\"RequestId\":\"r\"}}"));
            var log = new CollectingLog();
            await Client(server.Endpoint, token: "TOKEN-SECRET-123").CallAsync<EmptyResponse>("DeleteOrganizationIdentity",
                new DeleteOrganizationIdentityRequest { IdentityId = 5 }, ApiCallKind.Write, log, CancellationToken.None);
            string all = string.Join("\n", log.Lines);
            Assert.Contains("X-TC-Action: DeleteOrganizationIdentity", all);
            Assert.Contains("Signature=<redacted>", all);
            Assert.DoesNotContain("TOKEN-SECRET-123", all);
            Assert.DoesNotContain(SecretKey, all);
            string sentSignature = server.Received.Single().Headers["Authorization"].Split("Signature=")[1];
            Assert.DoesNotContain(sentSignature, all);
        }

        [Fact]
        public async Task Cancellation_ends_a_hung_request_as_cancelled()
        {
            await using var server = await LoopbackServer.StartAsync(async (_, ctx) => await Task.Delay(30000, ctx.RequestAborted));
            using var cts = new CancellationTokenSource(200);
            // The server would answer after 30 s (an empty body the client could not parse), within the client's
            // 60 s timeout: only the token can end the call as cancelled.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Client(server.Endpoint, timeoutMs: 60000).CallAsync<ListOrganizationIdentityResponse>(
                "ListOrganizationIdentity", new ListOrganizationIdentityRequest { Limit = 1 }, ApiCallKind.Read, null, cts.Token));
        }
    }
}
