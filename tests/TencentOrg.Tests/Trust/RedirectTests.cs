using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 11 item 1: a 3xx is never followed; it is an error naming the status and Location, and uncertain for a write.</summary>
    public class RedirectTests
    {
        private static Task<LoopbackServer> Redirecting(int status, Uri to) =>
            LoopbackServer.StartAsync((_, ctx) =>
            {
                ctx.Response.StatusCode = status;
                ctx.Response.Headers.Location = to.ToString();
                return Task.CompletedTask;
            });

        /// <summary>What a followed redirect would reach: it answers like a successful create, so following it would "succeed".</summary>
        private static Task<LoopbackServer> Elsewhere() =>
            LoopbackServer.StartAsync((_, ctx) => HostileFront.Json(ctx, "{\"Response\":{\"IdentityId\":4242,\"RequestId\":\"elsewhere\"}}"));

        [Theory]
        [InlineData(302)]
        [InlineData(307)]
        [InlineData(308)]
        public async Task A_redirected_read_is_an_error_naming_status_and_location_and_nothing_reaches_the_other_host(int status)
        {
            await using var elsewhere = await Elsewhere();
            await using var hostile = await Redirecting(status, elsewhere.Endpoint);
            var client = HostileEnv.Client(hostile.Endpoint);

            var error = await Assert.ThrowsAsync<OrgTransportException>(() => client.CallAsync<ListOrganizationIdentityResponse>("ListOrganizationIdentity",
                new ListOrganizationIdentityRequest { Limit = 50 }, ApiCallKind.Read, null, CancellationToken.None));

            Assert.Contains("HTTP " + status, error.Message);
            Assert.Contains(elsewhere.Endpoint.ToString(), error.Message);
            Assert.Empty(elsewhere.Received);
            // Not retried: the same server would redirect again.
            Assert.Single(hostile.Received);
        }

        [Theory]
        [InlineData(302)]
        [InlineData(307)]
        public async Task A_redirected_write_is_an_uncertain_answer_and_neither_body_nor_token_leave(int status)
        {
            await using var elsewhere = await Elsewhere();
            await using var hostile = await Redirecting(status, elsewhere.Endpoint);
            // A handler of the caller's own, redirects on by default: the client turns them off.
            using var handler = new HttpClientHandler();
            var client = HostileEnv.Client(hostile.Endpoint, handler);

            var error = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => client.CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity",
                new CreateOrganizationIdentityRequest { IdentityAliasName = "Redirected" }, ApiCallKind.Write, null, CancellationToken.None));

            Assert.Contains("HTTP " + status, error.Message);
            Assert.Contains(elsewhere.Endpoint.ToString(), error.Message);
            Assert.False(handler.AllowAutoRedirect);
            Assert.Empty(elsewhere.Received);
            Assert.Contains(HostileEnv.Token, hostile.Received.Single().Headers["X-TC-Token"]);
        }

        [Fact]
        public async Task New_TcOrgIdentity_against_a_redirecting_server_outputs_no_identity_and_names_302_and_the_location()
        {
            await using var env = await HostileEnv.StartAsync();
            await using var elsewhere = await Elsewhere();
            env.Front.Answer = async (_, _, ctx) =>
            {
                ctx.Response.StatusCode = 302;
                ctx.Response.Headers.Location = elsewhere.Endpoint.ToString();
                await Task.CompletedTask;
                return true;
            };

            var result = env.Run("New-TcOrgIdentity -Name Redirected -Policy '2:ReadOnlyAccess'");

            Assert.Empty(result.Output);
            var error = Assert.Single(result.Errors);
            Assert.Contains("302", error.ToString());
            Assert.Contains(elsewhere.Endpoint.ToString(), error.ToString());
            Assert.Empty(elsewhere.Received);
            Assert.Equal(0, env.Emulator.Requests.Count);
            Assert.DoesNotContain(HostileEnv.Token, result.AllText());
        }
    }
}
