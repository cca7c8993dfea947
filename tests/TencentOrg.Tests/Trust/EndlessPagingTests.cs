using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 11 item 4: a server that never ends a listing gets an error after a bounded number of requests.</summary>
    public class EndlessPagingTests
    {
        private static string Members(int from, int count, long total) =>
            "{\"Response\":{\"Total\":" + total + ",\"Items\":[" + string.Join(",", Enumerable.Range(from, count).Select(i =>
                "{\"MemberUin\":" + (200000000000L + i) + ",\"Name\":\"m" + i + "\"}")) + "],\"RequestId\":\"r\"}}";

        private static string Users(int from, int count, string nextToken) =>
            "{\"Response\":{\"TotalCounts\":1000000,\"MaxResults\":100,\"IsTruncated\":true,\"NextToken\":\"" + nextToken + "\",\"Users\":["
            + string.Join(",", Enumerable.Range(from, count).Select(i => "{\"UserId\":\"u-hostile" + i.ToString("D5") + "\",\"UserName\":\"h" + i + "\"}"))
            + "],\"RequestId\":\"r\"}}";

        [Fact]
        public async Task Get_TcOrgMember_against_the_same_page_forever_ends_with_an_error_after_two_requests()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = (action, _, ctx) => action == "DescribeOrganizationMembers"
                ? HostileFront.Json(ctx, Members(0, 50, 1_000_000)) : Task.FromResult(false);

            var result = env.Run("Get-TcOrgMember");

            var error = result.FirstError;
            Assert.NotNull(error);
            Assert.StartsWith("ClientError.EndlessPaging", error!.FullyQualifiedErrorId);
            Assert.Contains("repeats the previous page", error.ToString());
            Assert.Equal(2, env.Front.CountFor("DescribeOrganizationMembers"));
            Assert.Equal(50, result.Output.Count);
        }

        [Fact]
        public async Task Get_TcOrgUser_against_the_same_NextToken_forever_ends_with_an_error_after_two_requests()
        {
            await using var env = await HostileEnv.StartAsync();
            int calls = 0;
            // Fresh users each page, the same token every time.
            env.Front.Answer = (action, _, ctx) => action == "ListUsers"
                ? HostileFront.Json(ctx, Users(Interlocked.Increment(ref calls) * 100, 100, "same-token")) : Task.FromResult(false);

            var result = env.Run("Get-TcOrgUser");

            var error = result.FirstError;
            Assert.NotNull(error);
            Assert.StartsWith("ClientError.EndlessPaging", error!.FullyQualifiedErrorId);
            Assert.Contains("NextToken", error.ToString());
            Assert.Equal(2, env.Front.CountFor("ListUsers"));
        }

        [Fact]
        public async Task Get_TcOrgUser_against_new_tokens_over_the_same_page_ends_with_an_error()
        {
            await using var env = await HostileEnv.StartAsync();
            int calls = 0;
            env.Front.Answer = (action, _, ctx) => action == "ListUsers"
                ? HostileFront.Json(ctx, Users(0, 100, "token-" + Interlocked.Increment(ref calls))) : Task.FromResult(false);

            var result = env.Run("Get-TcOrgUser");

            Assert.Contains("repeats the previous page", result.FirstError!.ToString());
            Assert.Equal(2, env.Front.CountFor("ListUsers"));
        }

        [Fact]
        public async Task Rows_past_Total_end_an_offset_listing_with_an_error()
        {
            int fetched = 0;
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Paging.ByOffsetAsync<DescribeOrganizationMembersResponse, OrgMemberItem>(50,
                offset =>
                {
                    fetched++;
                    // Total says 60, yet the server keeps the pages coming with a Total that grows behind the offset.
                    var page = OrgJson.DeserializeEnvelope<DescribeOrganizationMembersResponse>(System.Text.Encoding.UTF8.GetBytes(
                        Members((int)offset, 50, offset == 0 ? 100 : offset)))!.Response!;
                    return Task.FromResult(page);
                }, p => p.Items, p => p.Total, _ => true));

            Assert.Equal("ClientError.EndlessPaging", error.Code);
            Assert.Contains("past its own Total", error.Message);
            Assert.Equal(2, fetched);
        }

        [Fact]
        public async Task A_listing_of_ever_new_pages_stops_at_the_page_cap()
        {
            int fetched = 0;
            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Paging.ByOffsetAsync<DescribeOrganizationMembersResponse, OrgMemberItem>(50,
                offset =>
                {
                    fetched++;
                    return Task.FromResult(OrgJson.DeserializeEnvelope<DescribeOrganizationMembersResponse>(System.Text.Encoding.UTF8.GetBytes(
                        Members((int)offset, 50, long.MaxValue)))!.Response!);
                }, p => p.Items, p => p.Total, _ => true, maxPages: 25));

            Assert.Contains("after 25 pages", error.Message);
            Assert.Equal(25, fetched);
            Assert.Equal(10000, Paging.MaxPages);
        }

        [Fact]
        public async Task A_token_listing_of_ever_new_pages_and_tokens_stops_at_the_page_cap()
        {
            int calls = 0;
            await using var server = await LoopbackServer.StartAsync((_, ctx) =>
            {
                int n = Interlocked.Increment(ref calls);
                return HostileFront.Json(ctx, Users(n * 100, 100, "token-" + n));
            });
            var client = HostileEnv.Client(server.Endpoint);
            var seen = new List<UserItem>();

            var error = await Assert.ThrowsAsync<OrgTransportException>(() => Paging.ByTokenAsync<ListUsersResponse, UserItem>(client, "ListUsers",
                new ListUsersRequest { ZoneId = "z-hostile000001" }, 100, p => p.Users, u => { seen.Add(u); return true; }, NullOrgLog.Instance,
                CancellationToken.None, maxPages: 7));

            Assert.Contains("after 7 pages", error.Message);
            Assert.Equal(7, calls);
            Assert.Equal(700, seen.Count);
        }

        [Fact]
        public async Task An_honest_listing_still_reads_every_page()
        {
            var rows = new List<OrgMemberItem>();
            await Paging.ByOffsetAsync<DescribeOrganizationMembersResponse, OrgMemberItem>(50,
                offset => Task.FromResult(OrgJson.DeserializeEnvelope<DescribeOrganizationMembersResponse>(System.Text.Encoding.UTF8.GetBytes(
                    Members((int)offset, (int)Math.Min(50, 120 - offset), 120)))!.Response!),
                p => p.Items, p => p.Total, m => { rows.Add(m); return true; });
            Assert.Equal(120, rows.Select(r => r.MemberUin).Distinct().Count());
        }
    }
}
