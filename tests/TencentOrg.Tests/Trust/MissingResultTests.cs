using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Tests.Infrastructure;
using Xunit;

namespace TencentOrg.Tests.Trust
{
    /// <summary>Issue 11 item 2: an answer without the result the API always returns is a parse error, never an empty success.</summary>
    public class MissingResultTests
    {
        private const string Bare = "{\"Response\":{\"RequestId\":\"x\"}}";

        private static Func<string, ReceivedRequest, Microsoft.AspNetCore.Http.HttpContext, Task<bool>> BareFor(string action) =>
            (a, _, ctx) => a == action ? HostileFront.Json(ctx, Bare) : Task.FromResult(false);

        [Fact]
        public void The_validator_names_the_first_missing_field_also_inside_lists()
        {
            Assert.Equal("IdentityId", ResponseValidator.FirstMissing(new CreateOrganizationIdentityResponse()));
            Assert.Null(ResponseValidator.FirstMissing(new CreateOrganizationIdentityResponse { IdentityId = 7 }));
            Assert.Equal("Tasks[1].TaskId", ResponseValidator.FirstMissing(new CreateRoleAssignmentResponse
            {
                Tasks = new() { new TaskInfo { TaskId = "t-1", Status = "InProgress" }, new TaskInfo { TaskId = "", Status = "InProgress" } },
            }));
            Assert.Equal("TaskStatus.Status", ResponseValidator.FirstMissing(new GetTaskStatusResponse { TaskStatus = new TaskStatusItem { TaskId = "t-1" } }));
            // "May be absent" stays optional: a delete's Task.
            Assert.Null(ResponseValidator.FirstMissing(new DeleteRoleAssignmentResponse()));
        }

        [Fact]
        public async Task The_client_turns_a_bare_answer_into_a_parse_error_and_an_uncertain_write()
        {
            await using var server = await LoopbackServer.StartAsync((_, ctx) => HostileFront.Json(ctx, Bare));
            var client = HostileEnv.Client(server.Endpoint);

            var read = await Assert.ThrowsAsync<OrgTransportException>(() => client.CallAsync<DescribeOrganizationMembersResponse>("DescribeOrganizationMembers",
                new DescribeOrganizationMembersRequest { Limit = 50 }, ApiCallKind.Read, null, CancellationToken.None));
            Assert.Equal("ClientError.ParseJsonError", read.Code);
            Assert.Contains("Items", read.Message);

            var write = await Assert.ThrowsAsync<OrgAmbiguousResultException>(() => client.CallAsync<CreateOrganizationIdentityResponse>("CreateOrganizationIdentity",
                new CreateOrganizationIdentityRequest { IdentityAliasName = "x" }, ApiCallKind.Write, null, CancellationToken.None));
            Assert.Contains("IdentityId", write.Message);
        }

        [Fact]
        public async Task New_TcOrgIdentity_with_a_bare_answer_outputs_no_identity_with_IdentityId_0()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = BareFor("CreateOrganizationIdentity");

            var result = env.Run("New-TcOrgIdentity -Name BareAnswer -Policy '2:ReadOnlyAccess'");

            Assert.Empty(result.Output);
            Assert.Contains("IdentityId", Assert.Single(result.Errors).ToString());
            Assert.DoesNotContain(env.Emulator.State.Identities, i => i.IdentityAliasName == "BareAnswer");
            // Reconciliation read it back as absent before the one resend.
            Assert.True(env.Emulator.Requests.ForAction("ListOrganizationIdentity").Count >= 1);
        }

        [Fact]
        public async Task New_TcOrgIdentity_whose_answer_lost_its_IdentityId_is_reconciled_to_the_real_one()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = async (action, request, ctx) =>
            {
                if (action != "CreateOrganizationIdentity") return false;
                var (status, body) = await env.Front.ForwardRawAsync(request);
                var json = JsonNode.Parse(body)!;
                json["Response"]!.AsObject().Remove("IdentityId");
                return await HostileFront.Json(ctx, json.ToJsonString(), status);
            };

            var result = env.Run("New-TcOrgIdentity -Name LostId -Policy '2:ReadOnlyAccess'").AssertSuccess();

            long created = env.Emulator.State.Identities.Single(i => i.IdentityAliasName == "LostId").IdentityId;
            Assert.NotEqual(0, created);
            Assert.Equal(created, (long)result.Output.Single().Properties["IdentityId"].Value);
            Assert.Single(env.Emulator.Requests.ForAction("CreateOrganizationIdentity"));
        }

        [Fact]
        public async Task New_TcRoleAssignment_with_a_bare_answer_outputs_no_task_without_TaskId()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = BareFor("CreateRoleAssignment");

            var result = env.Run("New-TcRoleAssignment -RoleConfigurationId rc-emuconfig001 -PrincipalId u-emuuser00001 -TargetUin 100000000001");

            Assert.DoesNotContain(result.Output, o => string.IsNullOrEmpty(o.Properties["TaskId"]?.Value as string));
            Assert.Empty(result.Output);
            Assert.Contains("Tasks", Assert.Single(result.Errors).ToString());
        }

        [Fact]
        public async Task Get_TcOrgTask_with_a_bare_answer_is_an_error_not_an_empty_status()
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = BareFor("GetTaskStatus");

            var result = env.Run("Get-TcOrgTask -TaskId t-abcdefabcdef");

            Assert.Empty(result.Output);
            Assert.Contains("TaskStatus", result.FirstError!.ToString());
        }

        [Theory]
        [InlineData("Get-TcOrgMember", "DescribeOrganizationMembers", "Items")]
        [InlineData("Get-TcOrgUser", "ListUsers", "TotalCounts")]
        [InlineData("Get-TcOrgIdentity", "ListOrganizationIdentity", "Total")]
        [InlineData("Get-TcOrgGroup", "ListGroups", "Groups")]
        public async Task A_list_with_a_bare_answer_is_an_error_not_an_empty_success(string command, string action, string field)
        {
            await using var env = await HostileEnv.StartAsync();
            env.Front.Answer = BareFor(action);

            var result = env.Run(command);

            Assert.Empty(result.Output);
            var error = result.FirstError;
            Assert.NotNull(error);
            Assert.Equal("ClientError.ParseJsonError", error!.FullyQualifiedErrorId.Split(',')[0]);
            Assert.Contains(field, error.ToString());
            Assert.InRange(env.Front.CountFor(action), 1, 3);
        }
    }
}
