using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;
using System.Net;
using TencentOrg.Emulator;

namespace TencentOrg.Tests.Emulator;

public sealed class EmulatorVerificationTests
{
    private const string MemberAuthBody = "{\"MemberUins\":[100000000001],\"IdentityIds\":[1]}";

    [Fact]
    public async Task SignedRequestSucceedsAndCarriesRequestId()
    {
        await using var e = await EmulatorScope.StartAsync();
        var response = await e.Client.OkAsync("DescribeOrganization");
        Assert.Equal(100000000000, response.GetProperty("HostUin").GetInt64());
        Assert.True(Guid.TryParse(response.GetProperty("RequestId").GetString(), out _));
        Assert.StartsWith("http://127.0.0.1:", e.Server.Endpoint.ToString());
    }

    [Fact]
    public async Task CharsetContentTypeIsAcceptedWhenSigned()
    {
        await using var e = await EmulatorScope.StartAsync();
        var response = await e.Client.CallAsync("DescribeOrganization", "{}", new SendOptions { ContentType = "application/json; charset=utf-8" });
        Assert.Null(EmulatorTestClient.ErrorCode(response));
    }

    [Fact]
    public async Task AuthFailuresHaveTheirCodes()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        await c.FailsAsync("AuthFailure.SignatureFailure", "DescribeOrganization", "{}", new SendOptions { SecretKey = "wrong-key" });
        await c.FailsAsync("AuthFailure.SecretIdNotFound", "DescribeOrganization", "{}", new SendOptions { SecretId = "AKIDUNKNOWN" });
        await c.FailsAsync("AuthFailure.SignatureExpire", "DescribeOrganization", "{}",
            new SendOptions { Timestamp = DateTimeOffset.UtcNow.AddMinutes(-6).ToUnixTimeSeconds() });
        await c.FailsAsync("AuthFailure.SignatureFailure", "DescribeOrganization", "{}", new SendOptions { BodySentInstead = "{ }" });
        await c.FailsAsync("AuthFailure.InvalidAuthorization", "DescribeOrganization", "{}",
            new SendOptions { MutateAuthorization = a => a.Replace("TC3-HMAC-SHA256", "HMAC-SHA1") });
        await c.FailsAsync("AuthFailure.InvalidAuthorization", "DescribeOrganization", "{}",
            new SendOptions { MutateAuthorization = a => a.Replace("content-type;host", "content-type;host;x-tc-action") });
        await c.FailsAsync("AuthFailure.InvalidAuthorization", "DescribeOrganization", "{}",
            new SendOptions { MutateAuthorization = a => a.Replace("/organization/", "/cvm/") });
        await c.FailsAsync("AuthFailure.SignatureFailure", "DescribeOrganization", "{}",
            new SendOptions { MutateAuthorization = a => a.Replace("/" + DateTime.UtcNow.ToString("yyyy-MM-dd") + "/", "/2020-01-01/") });
        // The .NET SDK's double space after the algorithm is accepted, as by the real service.
        var ok = await c.CallAsync("DescribeOrganization", "{}", new SendOptions { MutateAuthorization = a => a.Replace("TC3-HMAC-SHA256 ", "TC3-HMAC-SHA256  ") });
        Assert.Null(EmulatorTestClient.ErrorCode(ok));
    }

    [Fact]
    public async Task ServerClockOffsetMovesExpiryAndDateHeader()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.ServerClockOffset = TimeSpan.FromMinutes(10));
        await e.Client.FailsAsync("AuthFailure.SignatureExpire", "DescribeOrganization");
        var shifted = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        using var response = await e.Client.SendAsync("DescribeOrganization", "{}", new SendOptions { Timestamp = shifted });
        Assert.Contains("HostUin", await response.Content.ReadAsStringAsync());
        var date = response.Headers.Date!.Value;
        Assert.InRange((date - DateTimeOffset.UtcNow).TotalMinutes, 9, 11);
    }

    [Fact]
    public async Task VersionActionLanguageChecks()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        await c.FailsAsync("NoSuchVersion", "DescribeOrganization", "{}", new SendOptions { Version = "2018-12-25" });
        await c.FailsAsync("MissingParameter", "DescribeOrganization", "{}", new SendOptions { Version = null });
        await c.FailsAsync("InvalidAction", "DescribeNothing");
        // A real action of the API that the emulator does not implement.
        await c.FailsAsync("InvalidAction", "ListSCIMCredentials", "{\"ZoneId\":\"z-emulator0001\"}");
        await c.FailsAsync("InvalidParameterValue", "DescribeOrganization", "{}", new SendOptions { Language = "fr-FR" });
        Assert.Null(EmulatorTestClient.ErrorCode(await c.CallAsync("DescribeOrganization", "{}", new SendOptions { Language = "en-US" })));
    }

    [Fact]
    public async Task TransportMustBeJsonPost()
    {
        await using var e = await EmulatorScope.StartAsync();
        await e.Client.FailsAsync("UnsupportedProtocol", "DescribeOrganization", "{}", new SendOptions { ContentType = "text/plain" });
        await e.Client.FailsAsync("UnsupportedProtocol", "DescribeOrganization", "{}", new SendOptions { Method = HttpMethod.Get });
    }

    [Fact]
    public async Task FieldChecksFollowTheSchema()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        await c.FailsAsync("UnknownParameter", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001],\"IdentityIds\":[1],\"Extra\":1}");
        await c.FailsAsync("UnknownParameter", "CreateOrganizationMemberAuthIdentity", "{\"memberUins\":[100000000001],\"IdentityIds\":[1]}");
        await c.FailsAsync("MissingParameter", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001]}");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[\"100000000001\"],\"IdentityIds\":[1]}");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":100000000001,\"IdentityIds\":[1]}");
        await c.FailsAsync("InvalidParameterValue", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[-5],\"IdentityIds\":[1]}");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[1.5],\"IdentityIds\":[1]}");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001],");
        await c.FailsAsync("InvalidParameter", "DescribeOrganization", "[]");
        await c.FailsAsync("InvalidParameter", "CreateOrganizationIdentity", "{\"IdentityAliasName\":\"x\",\"IdentityPolicy\":[{\"PolicyId\":true,\"PolicyName\":\"AdministratorAccess\"}]}");
        await c.FailsAsync("UnknownParameter", "CreateOrganizationIdentity", "{\"IdentityAliasName\":\"x\",\"IdentityPolicy\":[{\"PolicyId\":1,\"Name\":\"AdministratorAccess\"}]}");
        await c.FailsAsync("InvalidParameterValue", "ListOrganizationIdentity", "{\"Offset\":0,\"Limit\":51}");
        await c.FailsAsync("InvalidParameterValue", "ListOrganizationIdentity", "{\"Offset\":0,\"Limit\":0}");
        await c.FailsAsync("InvalidParameterValue", "ListOrganizationIdentity", "{\"Offset\":5,\"Limit\":10}");
        await c.FailsAsync("MissingParameter", "ListOrganizationIdentity", "{\"Limit\":10}");
        await c.FailsAsync("InvalidParameterValue", "ListUsers", "{\"ZoneId\":\"z-emulator0001\",\"MaxResults\":101}");
        await c.FailsAsync("InvalidParameterValue", "ListUsers", "{\"ZoneId\":\"bad-zone\"}");
        await c.FailsAsync("FailedOperation.ZoneIdNotExist", "ListUsers", "{\"ZoneId\":\"z-doesnotexist\"}");
        await c.FailsAsync("InvalidParameterValue", "ProvisionRoleConfiguration",
            "{\"ZoneId\":\"z-emulator0001\",\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"Member\",\"TargetUin\":100000000001}");
        await c.FailsAsync("InvalidParameterValue", "DeleteRoleAssignment",
            "{\"ZoneId\":\"z-emulator0001\",\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"Role\",\"PrincipalId\":\"u-emuuser00001\"}");
        await c.FailsAsync("InvalidParameterValue", "DeleteRoleAssignment",
            "{\"ZoneId\":\"z-emulator0001\",\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\",\"DeprovisionStrategy\":\"Always\"}");
        Assert.False(e.Server.Requests.Snapshot().Any(r => r.Handled), "rejected requests never reach a handler");
    }

    [Fact]
    public async Task ItemLimitsGiveInvalidParameterValue()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.GeneratedMemberCount = 12);
        var c = e.Client;
        string elevenUins = string.Join(",", Enumerable.Range(1, 11).Select(i => 100000000000 + i));
        await c.FailsAsync("InvalidParameterValue", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[" + elevenUins + "],\"IdentityIds\":[1]}");
        await c.FailsAsync("InvalidParameterValue", "CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[100000000001],\"IdentityIds\":[1,2,3,4,5,6]}");
        string item = "{\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\",\"PrincipalId\":\"u-emuuser00001\"}";
        await c.FailsAsync("InvalidParameterValue", "CreateRoleAssignment",
            "{\"ZoneId\":\"z-emulator0001\",\"RoleAssignmentInfo\":[" + string.Join(",", Enumerable.Repeat(item, 51)) + "]}");
        await c.FailsAsync("MissingParameter", "CreateRoleAssignment",
            "{\"ZoneId\":\"z-emulator0001\",\"RoleAssignmentInfo\":[{\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"User\"}]}");
        // Ten UINs (all above 2^31) are fine.
        string tenUins = string.Join(",", Enumerable.Range(1, 10).Select(i => 100000000000 + i));
        await c.OkAsync("CreateOrganizationMemberAuthIdentity", "{\"MemberUins\":[" + tenUins + "],\"IdentityIds\":[1]}");
        Assert.Equal(10, e.Server.State.MemberAuthIdentities.Count);
    }

    [Fact]
    public async Task RequestLogRecordsEverythingIncludingRejections()
    {
        await using var e = await EmulatorScope.StartAsync();
        await e.Client.OkAsync("DescribeOrganization");
        await e.Client.FailsAsync("AuthFailure.SignatureFailure", "DescribeOrganization", "{}", new SendOptions { SecretKey = "nope" });
        await e.Client.FailsAsync("InvalidAction", "Nope");
        Assert.Equal(3, e.Server.Requests.Count);
        var describe = e.Server.Requests.ForAction("DescribeOrganization");
        Assert.Equal(2, describe.Count);
        Assert.True(describe[0].Handled);
        Assert.Null(describe[0].ErrorCode);
        Assert.Equal("AuthFailure.SignatureFailure", describe[1].ErrorCode);
        Assert.False(describe[1].Handled);
        Assert.Equal(200, describe[1].StatusCode);
        Assert.Contains("Signature=", describe[0].Headers["Authorization"]);
        Assert.Equal("{}", describe[0].Body);
        Assert.NotNull(describe[0].RequestId);
        e.Server.Requests.Clear();
        Assert.Equal(0, e.Server.Requests.Count);
    }

    [Fact]
    public async Task RateLimitTripsPerActionOnly()
    {
        await using var e = await EmulatorScope.StartAsync();
        var codes = new List<string?>();
        for (int i = 0; i < 25; i++) codes.Add(EmulatorTestClient.ErrorCode(await e.Client.CallAsync("DescribeOrganization")));
        Assert.Contains("RequestLimitExceeded", codes);
        Assert.True(codes.Take(20).All(c => c is null), "the first 20 in a second pass");
        // Another action has its own budget.
        await e.Client.OkAsync("DescribeIdentityCenter");

        e.Server.Options.RateLimitPerAction["DescribeIdentityCenter"] = 0;
        for (int i = 0; i < 30; i++) await e.Client.OkAsync("DescribeIdentityCenter");
    }

    [Fact]
    public async Task RateLimitCanBeTurnedOff()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.RateLimitPerSecond = 0);
        var tasks = Enumerable.Range(0, 40).Select(_ => e.Client.CallAsync("DescribeOrganization"));
        var results = await Task.WhenAll(tasks);
        Assert.All(results, r => Assert.Null(EmulatorTestClient.ErrorCode(r)));
        // All 40 reached the handler in what is well under a second: none was throttled.
        var log = e.Server.Requests.ForAction("DescribeOrganization");
        Assert.Equal(40, log.Count);
        Assert.All(log, r => Assert.True(r.Handled && r.ErrorCode is null));
    }
}
