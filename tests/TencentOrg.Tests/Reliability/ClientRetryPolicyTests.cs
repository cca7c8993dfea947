using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using TencentOrg.Api;
using TencentOrg.Credentials;
using TencentOrg.Models;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Reliability
{
    /// <summary>The client's write-safety rules, against a scripted loopback server.</summary>
    public class ClientRetryPolicyTests
    {
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

        private const string InternalError = "{\"Response\":{\"Error\":{\"Code\":\"InternalError\",\"Message\":\"boom\"},\"RequestId\":\"r\"}}";
        internal const string Throttled = "{\"Response\":{\"Error\":{\"Code\":\"RequestLimitExceeded.UinLimitExceeded\",\"Message\":\"slow\"},\"RequestId\":\"r\"}}";
        private const string NotFound = "{\"Response\":{\"Error\":{\"Code\":\"ResourceNotFound.OrganizationIdentityNotExist\",\"Message\":\"gone\"},\"RequestId\":\"r\"}}";

        [Fact]
        public async Task InternalError_answer_to_a_write_is_ambiguous_and_never_resent()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, InternalError));
            await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => Client(server.Endpoint).CallAsync<EmptyResponse>(
                "CreateOrganizationIdentity", new EmptyRequest(), ApiCallKind.Write, null, CancellationToken.None));
            Assert.Single(server.Received);
        }

        [Fact]
        public async Task InternalError_answer_to_a_read_is_retried()
        {
            int n = 0;
            await using var server = await LoopbackServer.StartAsync((_, ctx) => Json(ctx, Interlocked.Increment(ref n) < 3 ? InternalError : "{\"Response\":{\"RequestId\":\"ok\"}}"));
            var response = await Client(server.Endpoint).CallAsync<EmptyResponse>("ListOrganizationIdentity", new EmptyRequest(), ApiCallKind.Read, null, CancellationToken.None);
            Assert.Equal("ok", response.RequestId);
            Assert.Equal(3, server.Received.Count);
        }

        [Fact]
        public async Task Idempotent_write_is_retried_and_a_late_not_found_says_an_earlier_attempt_may_have_applied()
        {
            int n = 0;
            await using var server = await LoopbackServer.StartAsync((_, ctx) =>
            {
                if (Interlocked.Increment(ref n) == 1)
                {
                    ctx.Response.StatusCode = 503;
                    return ctx.Response.WriteAsync("busy");
                }
                return Json(ctx, NotFound);
            });
            var error = await Assert.ThrowsAsync<OrgApiException>(() => Client(server.Endpoint).CallAsync<EmptyResponse>(
                "DeleteOrganizationIdentity", new EmptyRequest(), ApiCallKind.IdempotentWrite, null, CancellationToken.None));
            Assert.Equal("ResourceNotFound.OrganizationIdentityNotExist", error.Code);
            Assert.True(error.EarlierAttemptMayHaveApplied);
            Assert.Equal(2, server.Received.Count);
        }
    }
}
