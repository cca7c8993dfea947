using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

public sealed class EmulatorFaultTests
{
    private const string Grant = "{\"MemberUins\":[100000000001],\"IdentityIds\":[1]}";

    [Theory]
    [InlineData(FaultKind.Http500, 500)]
    [InlineData(FaultKind.Http502, 502)]
    [InlineData(FaultKind.Http503, 503)]
    public async Task HttpErrorFaultsReturnTheStatus(FaultKind kind, int status)
    {
        await using var e = await EmulatorScope.StartAsync();
        e.Server.Faults.Add(new FaultRule { Action = "DescribeOrganization", Kind = kind, Count = 1 });
        using (var faulted = await e.Client.SendAsync("DescribeOrganization", "{}"))
            Assert.Equal(status, (int)faulted.StatusCode);
        await e.Client.OkAsync("DescribeOrganization");
        Assert.Equal(1, e.Server.Faults.InjectedCount);
        var log = e.Server.Requests.ForAction("DescribeOrganization");
        Assert.Equal(kind + "/BeforeHandling", log[0].Fault);
        Assert.Equal(status, log[0].StatusCode);
        Assert.False(log[0].Handled);
        Assert.Null(log[1].Fault);
    }

    [Fact]
    public async Task ConnectionResetSurfacesAsTransportError()
    {
        await using var e = await EmulatorScope.StartAsync();
        e.Server.Faults.Add(new FaultRule { Kind = FaultKind.ConnectionReset, Count = 1 });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => e.Client.SendAsync("DescribeOrganization", "{}"));
        Assert.True(error is HttpRequestException or IOException, error.ToString());
        await e.Client.OkAsync("DescribeOrganization");
        Assert.Equal("ConnectionReset/BeforeHandling", e.Server.Requests.Snapshot()[0].Fault);
    }

    [Fact]
    public async Task HangMakesTheClientTimeOut()
    {
        await using var e = await EmulatorScope.StartAsync(clientTimeout: TimeSpan.FromMilliseconds(400));
        e.Server.Faults.Add(new FaultRule { Action = "DescribeOrganization", Kind = FaultKind.Hang, Count = 1 });
        await Assert.ThrowsAnyAsync<TaskCanceledException>(() => e.Client.SendAsync("DescribeOrganization", "{}"));
        // The next call answers; a client with a roomy timeout, so a loaded machine cannot fail this half.
        using var patient = new EmulatorTestClient(e.Server);
        await patient.OkAsync("DescribeOrganization");
    }

    [Fact]
    public async Task HangIsReleasedWhenTheServerStops()
    {
        var e = await EmulatorScope.StartAsync(clientTimeout: TimeSpan.FromSeconds(10));
        e.Server.Faults.Add(new FaultRule { Kind = FaultKind.Hang });
        var pending = e.Client.SendAsync("DescribeOrganization", "{}");
        await Task.Delay(150);
        var started = DateTime.UtcNow;
        await e.Server.DisposeAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => pending);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(4));
        e.Client.Dispose();
    }

    [Fact]
    public async Task SlowDelaysThenAnswers()
    {
        await using var e = await EmulatorScope.StartAsync();
        e.Server.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(300), Count = 1 });
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await e.Client.OkAsync("DescribeOrganization");
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(280), watch.Elapsed.ToString());
    }

    [Fact]
    public async Task MalformedJsonAndEnvelopeFaults()
    {
        await using var e = await EmulatorScope.StartAsync();
        e.Server.Faults.Add(new FaultRule { Action = "DescribeOrganization", Kind = FaultKind.MalformedJson, Count = 1 });
        using (var response = await e.Client.SendAsync("DescribeOrganization", "{}"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            string text = await response.Content.ReadAsStringAsync();
            Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
        }
        e.Server.Faults.Add(new FaultRule { Action = "DescribeOrganization", Kind = FaultKind.InternalError, Count = 1 });
        await e.Client.FailsAsync("InternalError", "DescribeOrganization");
        e.Server.Faults.Add(new FaultRule { Action = "DescribeOrganization", Kind = FaultKind.RequestLimitExceeded, Count = 1 });
        await e.Client.FailsAsync("RequestLimitExceeded", "DescribeOrganization");
        await e.Client.OkAsync("DescribeOrganization");
        Assert.Equal(3, e.Server.Faults.InjectedCount);
    }

    [Fact]
    public async Task AfterHandlingFaultAppliesTheChange()
    {
        await using var e = await EmulatorScope.StartAsync();
        e.Server.Faults.Add(new FaultRule { Action = "CreateOrganizationMemberAuthIdentity", Kind = FaultKind.Http503, Phase = FaultPhase.AfterHandling, Count = 1 });
        using (var response = await e.Client.SendAsync("CreateOrganizationMemberAuthIdentity", Grant))
            Assert.Equal(503, (int)response.StatusCode);
        Assert.Single(e.Server.State.MemberAuthIdentities);
        var record = e.Server.Requests.ForAction("CreateOrganizationMemberAuthIdentity").Single();
        Assert.True(record.Handled);
        Assert.Equal("Http503/AfterHandling", record.Fault);

        // Before-handling faults change nothing.
        e.Server.Faults.Add(new FaultRule { Action = "DeleteOrganizationMemberAuthIdentity", Kind = FaultKind.ConnectionReset, Count = 1 });
        await Assert.ThrowsAnyAsync<Exception>(() => e.Client.SendAsync("DeleteOrganizationMemberAuthIdentity", "{\"MemberUin\":100000000001,\"IdentityId\":1}"));
        Assert.Single(e.Server.State.MemberAuthIdentities);
    }

    [Fact]
    public async Task EveryNthProbabilityAndClear()
    {
        await using var e = await EmulatorScope.StartAsync(o => o.RateLimitPerSecond = 0);
        e.Server.Faults.Add(new FaultRule { Action = "DescribeIdentityCenter", Kind = FaultKind.InternalError, EveryNth = 3 });
        var codes = new List<string?>();
        for (int i = 0; i < 6; i++) codes.Add(EmulatorTestClient.ErrorCode(await e.Client.CallAsync("DescribeIdentityCenter")));
        Assert.Equal(new string?[] { null, null, "InternalError", null, null, "InternalError" }, codes);
        e.Server.Faults.Clear();

        e.Server.Faults.Add(new FaultRule { Kind = FaultKind.InternalError, Probability = 0.5 });
        int failed = 0;
        for (int i = 0; i < 40; i++)
            if (EmulatorTestClient.ErrorCode(await e.Client.CallAsync("DescribeOrganization")) is not null) failed++;
        Assert.InRange(failed, 8, 32);
        e.Server.Faults.Clear();
        await e.Client.OkAsync("DescribeOrganization");
        Assert.Equal(47, e.Server.Requests.Count);
    }
}
