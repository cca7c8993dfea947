using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TencentOrg.Emulator;
using Xunit;

namespace TencentOrg.Tests.Emulator;

/// <summary>Users, groups, membership, SCIM and CAM user synchronizations on the emulator (spec CIC §2, §3, §5).</summary>
public sealed class EmulatorUserGroupTests
{
    private const string Zone = "z-emulator0001";

    private static string Body(params (string Key, object Value)[] fields) =>
        JsonSerializer.Serialize(new[] { ("ZoneId", (object)Zone) }.Concat(fields).ToDictionary(f => f.Item1, f => f.Item2));

    [Fact]
    public async Task UserLifecycleNameRulesAndNoCascade()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        var created = (await c.OkAsync("CreateUser", Body(("UserName", "alice.smith@corp"), ("Email", "alice@corp.example"), ("DisplayName", "Alice"))))
            .GetProperty("UserInfo");
        string userId = created.GetProperty("UserId").GetString()!;
        Assert.Matches("^u-[a-z0-9]{12}$", userId);
        Assert.Equal("Manual", created.GetProperty("UserType").GetString());
        Assert.Equal("Enabled", created.GetProperty("UserStatus").GetString());
        Assert.False(string.IsNullOrEmpty(created.GetProperty("Password").GetString()));

        // The password is in the create answer only.
        var read = (await c.OkAsync("GetUser", Body(("UserId", userId)))).GetProperty("UserInfo");
        Assert.False(read.TryGetProperty("Password", out _));
        Assert.Equal("alice.smith@corp", read.GetProperty("UserName").GetString());

        await c.FailsAsync("InvalidParameter.UsernameAlreadyExists", "CreateUser", Body(("UserName", "ALICE.smith@corp")));
        await c.FailsAsync("InvalidParameter.UsernameFormatError", "CreateUser", Body(("UserName", "has space")));
        await c.FailsAsync("InvalidParameter.UsernameFormatError", "CreateUser", Body(("UserName", new string('a', 65))));
        await c.FailsAsync("InvalidParameter.EmailAlreadyExists", "CreateUser", Body(("UserName", "bob"), ("Email", "ALICE@corp.example")));
        await c.FailsAsync("InvalidParameterValue", "CreateUser", Body(("UserName", "bob"), ("DisplayName", new string('d', 257))));
        await c.FailsAsync("ResourceNotFound.UserNotExist", "GetUser", Body(("UserId", "u-nobody000000")));

        var updated = (await c.OkAsync("UpdateUser", Body(("UserId", userId), ("NewDescription", "ops"), ("NewFirstName", "A"), ("NeedResetPassword", true))))
            .GetProperty("UserInfo");
        Assert.Equal("ops", updated.GetProperty("Description").GetString());
        Assert.True(updated.GetProperty("NeedResetPassword").GetBoolean());
        await c.OkAsync("UpdateUserStatus", Body(("UserId", userId), ("NewUserStatus", "Disabled")));
        Assert.Equal("Disabled", e.Server.State.Users.Single(u => u.UserId == userId).UserStatus);
        await c.FailsAsync("InvalidParameterValue", "UpdateUserStatus", Body(("UserId", userId), ("NewUserStatus", "Off")));

        var group = (await c.OkAsync("CreateGroup", Body(("GroupName", "ops-team"), ("Description", "Ops")))).GetProperty("GroupInfo");
        string groupId = group.GetProperty("GroupId").GetString()!;
        Assert.Equal(0, group.GetProperty("MemberCount").GetInt64());
        await c.OkAsync("AddUserToGroup", Body(("GroupId", groupId), ("UserId", userId)));
        await c.FailsAsync("InvalidParameter.GroupUserAlreadyExists", "AddUserToGroup", Body(("GroupId", groupId), ("UserId", userId)));

        // No cascade: the member blocks both deletes.
        await c.FailsAsync("InvalidParameter.UserAlreadyExistsGroup", "DeleteUser", Body(("UserId", userId)));
        await c.FailsAsync("FailedOperation.DeleteGroupNotAllowExistUser", "DeleteGroup", Body(("GroupId", groupId)));

        var members = await c.OkAsync("ListGroupMembers", Body(("GroupId", groupId), ("MaxResults", 100)));
        Assert.Equal(1, members.GetProperty("TotalCounts").GetInt64());
        Assert.Equal(userId, members.GetProperty("GroupMembers")[0].GetProperty("UserId").GetString());
        var joined = await c.OkAsync("ListJoinedGroupsForUser", Body(("UserId", userId)));
        Assert.Equal(groupId, joined.GetProperty("JoinedGroups")[0].GetProperty("GroupId").GetString());

        await c.OkAsync("RemoveUserFromGroup", Body(("GroupId", groupId), ("UserId", userId)));
        await c.FailsAsync("InvalidParameter.GroupUserNotExist", "RemoveUserFromGroup", Body(("GroupId", groupId), ("UserId", userId)));
        await c.OkAsync("DeleteUser", Body(("UserId", userId)));
        await c.FailsAsync("ResourceNotFound.UserNotExist", "DeleteUser", Body(("UserId", userId)));
        await c.OkAsync("DeleteGroup", Body(("GroupId", groupId)));
        await c.FailsAsync("InvalidParameter.GroupNotExist", "DeleteGroup", Body(("GroupId", groupId)));
    }

    [Fact]
    public async Task GroupNamesRenameAndAssignmentsBlockDeletes()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        await c.FailsAsync("InvalidParameter.GroupNameFormatError", "CreateGroup", Body(("GroupName", "ops_team")));
        await c.FailsAsync("InvalidParameter.GroupNameFormatError", "CreateGroup", Body(("GroupName", "Domain Admins")));
        await c.FailsAsync("InvalidParameter.GroupNameFormatError", "CreateGroup", Body(("GroupName", new string('g', 129))));
        await c.FailsAsync("InvalidParameter.GroupNameAlreadyExists", "CreateGroup", Body(("GroupName", "GROUP0001")));
        string groupId = (await c.OkAsync("CreateGroup", Body(("GroupName", "devs")))).GetProperty("GroupInfo").GetProperty("GroupId").GetString()!;
        var renamed = (await c.OkAsync("UpdateGroup", Body(("GroupId", groupId), ("NewGroupName", "developers")))).GetProperty("GroupInfo");
        Assert.Equal("developers", renamed.GetProperty("GroupName").GetString());
        await c.FailsAsync("InvalidParameter.GroupNameAlreadyExists", "UpdateGroup", Body(("GroupId", groupId), ("NewGroupName", "group0002")));
        await c.FailsAsync("InvalidParameter.GroupNameFormatError", "UpdateGroup", Body(("GroupId", groupId), ("NewGroupName", "a.b")));
        await c.FailsAsync("InvalidParameter.GroupNotExist", "GetGroup", Body(("GroupId", "g-nothing00000")));

        // A group named in a role assignment cannot be deleted, nor can a user.
        await c.OkAsync("CreateRoleAssignment", "{\"ZoneId\":\"" + Zone + "\",\"RoleAssignmentInfo\":[{\"RoleConfigurationId\":\"rc-emuconfig001\",\"TargetType\":\"MemberUin\",\"TargetUin\":100000000001,\"PrincipalType\":\"Group\",\"PrincipalId\":\"" + groupId + "\"}]}");
        await c.FailsAsync("FailedOperation.RoleConfigurationAuthorizationExist", "DeleteGroup", Body(("GroupId", groupId)));
    }

    [Fact]
    public async Task ScimSynchronizedObjectsAreReadOnlyAndCamSyncsBlockDeletes()
    {
        string seed = Path.Combine(Path.GetTempPath(), "tcorg-scim-seed-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(seed, """
        {
          "Zone": { "ZoneId": "z-emulator0001", "ServiceStatus": "Enabled", "ScimSyncStatus": "Enabled" },
          "Users": [
            { "UserId": "u-scimuser0001", "UserName": "scim.user", "UserType": "Synchronized" },
            { "UserId": "u-manual000001", "UserName": "manual.user" }
          ],
          "Groups": [ { "GroupId": "g-scimgroup001", "GroupName": "idp-admins", "GroupType": "Synchronized", "UserIds": [ "u-scimuser0001" ] } ],
          "UserProvisionings": [ { "UserProvisioningId": "up-camsync00001", "PrincipalId": "u-manual000001", "PrincipalType": "User", "TargetUin": 100000000001 } ]
        }
        """);
        try
        {
            await using var e = await EmulatorScope.StartAsync(o => o.SeedFile = seed);
            var c = e.Client;
            Assert.Equal("Enabled", (await c.OkAsync("GetSCIMSynchronizationStatus", Body())).GetProperty("SCIMSynchronizationStatus").GetString());
            await c.FailsAsync("FailedOperation.SynchronizedUserNotUpdate", "UpdateUser", Body(("UserId", "u-scimuser0001"), ("NewDescription", "x")));
            await c.FailsAsync("FailedOperation.SynchronizedUserNotUpdate", "UpdateUserStatus", Body(("UserId", "u-scimuser0001"), ("NewUserStatus", "Disabled")));
            await c.FailsAsync("FailedOperation.SynchronizedUserNotDelete", "DeleteUser", Body(("UserId", "u-scimuser0001")));
            await c.FailsAsync("FailedOperation.SynchronizedGroupNotUpdate", "UpdateGroup", Body(("GroupId", "g-scimgroup001"), ("NewDescription", "x")));
            await c.FailsAsync("FailedOperation.SynchronizedGroupNotDelete", "DeleteGroup", Body(("GroupId", "g-scimgroup001")));
            await c.FailsAsync("FailedOperation.SynchronizedGroupNotAddUser", "AddUserToGroup", Body(("GroupId", "g-scimgroup001"), ("UserId", "u-manual000001")));
            await c.FailsAsync("FailedOperation.SynchronizedGroupNotRemoveUser", "RemoveUserFromGroup", Body(("GroupId", "g-scimgroup001"), ("UserId", "u-scimuser0001")));
            string manualGroup = (await c.OkAsync("CreateGroup", Body(("GroupName", "manual")))).GetProperty("GroupInfo").GetProperty("GroupId").GetString()!;
            await c.FailsAsync("FailedOperation.GroupTypeUserTypeNotMatch", "AddUserToGroup", Body(("GroupId", manualGroup), ("UserId", "u-scimuser0001")));
            Assert.Equal(0, (await c.OkAsync("ListGroupMembers", Body(("GroupId", "g-scimgroup001"), ("UserType", "Manual")))).GetProperty("TotalCounts").GetInt64());

            // A CAM user synchronization blocks the user's deletion until its async delete task succeeds.
            await c.FailsAsync("FailedOperation.UserProvisioningExists", "DeleteUser", Body(("UserId", "u-manual000001")));
            var list = await c.OkAsync("ListUserSyncProvisionings", Body(("PrincipalId", "u-manual000001")));
            Assert.Equal("manual.user", list.GetProperty("UserProvisionings")[0].GetProperty("PrincipalName").GetString());
            var task = (await c.OkAsync("DeleteUserSyncProvisioning", Body(("UserProvisioningId", "up-camsync00001")))).GetProperty("Tasks");
            Assert.Equal("InProgress", task.GetProperty("TaskStatus").GetString());
            string taskId = task.GetProperty("TaskId").GetString()!;
            string status;
            do status = (await c.OkAsync("GetProvisioningTaskStatus", Body(("TaskId", taskId)))).GetProperty("TaskStatus").GetProperty("Status").GetString()!;
            while (status == "InProgress");
            Assert.Equal("Success", status);
            await c.FailsAsync("ResourceNotFound.UserProvisioningNotFound", "DeleteUserSyncProvisioning", Body(("UserProvisioningId", "up-camsync00001")));
            await c.OkAsync("DeleteUser", Body(("UserId", "u-manual000001")));
        }
        finally
        {
            File.Delete(seed);
        }
    }

    [Fact]
    public async Task GeneratedSeedHasUsersInGroups()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        var groups = await c.OkAsync("ListGroups", Body(("MaxResults", 100)));
        Assert.All(groups.GetProperty("Groups").EnumerateArray(), g => Assert.True(g.GetProperty("MemberCount").GetInt64() > 0));
        var members = await c.OkAsync("ListGroupMembers", Body(("GroupId", "g-emugroup0001"), ("MaxResults", 2)));
        Assert.True(members.GetProperty("IsTruncated").GetBoolean());
        var next = await c.OkAsync("ListGroupMembers", Body(("GroupId", "g-emugroup0001"), ("MaxResults", 2), ("NextToken", members.GetProperty("NextToken").GetString()!)));
        Assert.NotEqual(members.GetProperty("GroupMembers")[0].GetProperty("UserId").GetString(), next.GetProperty("GroupMembers")[0].GetProperty("UserId").GetString());
    }

    /// <summary>
    /// The official .NET SDK's models (tencentcloud-sdk-dotnet 3.0.1493, TencentCloud/Organization/V20210331/Models) name these
    /// fields; the emulator's request schemas and answers must carry exactly them.
    /// </summary>
    public static readonly Dictionary<string, string[]> SdkRequestFields = new()
    {
        ["CreateUser"] = new[] { "ZoneId", "UserName", "FirstName", "LastName", "DisplayName", "Description", "Email", "UserStatus", "UserType", "NeedResetPassword" },
        ["GetUser"] = new[] { "UserId", "ZoneId" },
        ["UpdateUser"] = new[] { "ZoneId", "UserId", "NewFirstName", "NewLastName", "NewDisplayName", "NewDescription", "NewEmail", "NeedResetPassword" },
        ["UpdateUserStatus"] = new[] { "ZoneId", "UserId", "NewUserStatus" },
        ["DeleteUser"] = new[] { "ZoneId", "UserId" },
        ["CreateGroup"] = new[] { "ZoneId", "GroupName", "Description", "GroupType" },
        ["GetGroup"] = new[] { "ZoneId", "GroupId" },
        ["UpdateGroup"] = new[] { "ZoneId", "GroupId", "NewGroupName", "NewDescription" },
        ["DeleteGroup"] = new[] { "ZoneId", "GroupId" },
        ["AddUserToGroup"] = new[] { "ZoneId", "GroupId", "UserId" },
        ["RemoveUserFromGroup"] = new[] { "ZoneId", "GroupId", "UserId" },
        ["ListGroupMembers"] = new[] { "ZoneId", "GroupId", "NextToken", "MaxResults", "UserType" },
        ["ListJoinedGroupsForUser"] = new[] { "ZoneId", "UserId", "NextToken", "MaxResults" },
        ["GetSCIMSynchronizationStatus"] = new[] { "ZoneId" },
        ["ListUserSyncProvisionings"] = new[] { "ZoneId", "PrincipalId", "NextToken", "MaxResults", "PrincipalType", "TargetUin", "TargetType", "Filter" },
        ["DeleteUserSyncProvisioning"] = new[] { "ZoneId", "UserProvisioningId" },
    };

    // UserInfo less IsSelected (ListUsers with FilterGroups only) and Password (CreateUser only).
    private static readonly string[] SdkUserInfo = { "UserName", "FirstName", "LastName", "DisplayName", "Description", "Email", "UserStatus", "UserType", "UserId", "CreateTime", "UpdateTime", "NeedResetPassword" };
    private static readonly string[] SdkGroupInfo = { "GroupName", "Description", "CreateTime", "GroupType", "UpdateTime", "GroupId", "MemberCount" };
    private static readonly string[] SdkGroupMembers = { "UserName", "DisplayName", "Description", "Email", "UserStatus", "UserType", "UserId", "JoinTime" };
    private static readonly string[] SdkJoinedGroups = { "GroupName", "Description", "GroupId", "GroupType", "JoinTime" };
    private static readonly string[] SdkListPage = { "NextToken", "TotalCounts", "MaxResults", "IsTruncated", "RequestId" };

    [Fact]
    public void RequestSchemasMatchTheSdkModels()
    {
        foreach (var (action, fields) in SdkRequestFields)
        {
            Assert.True(ActionSchemas.TryGet(action, out var schema), action + " has no schema");
            Assert.Equal(fields.OrderBy(f => f, StringComparer.Ordinal), schema.Fields.Keys.OrderBy(f => f, StringComparer.Ordinal));
        }
    }

    [Fact]
    public async Task AnswersMatchTheSdkModels()
    {
        await using var e = await EmulatorScope.StartAsync();
        var c = e.Client;
        var create = await c.OkAsync("CreateUser", Body(("UserName", "sdk.check")));
        AssertFields(new[] { "UserInfo", "RequestId" }, create);
        AssertFields(SdkUserInfo.Append("Password"), create.GetProperty("UserInfo"));
        string userId = create.GetProperty("UserInfo").GetProperty("UserId").GetString()!;
        AssertFields(SdkUserInfo, (await c.OkAsync("GetUser", Body(("UserId", userId)))).GetProperty("UserInfo"));
        AssertFields(SdkUserInfo, (await c.OkAsync("UpdateUser", Body(("UserId", userId), ("NewDisplayName", "x")))).GetProperty("UserInfo"));
        AssertFields(new[] { "RequestId" }, await c.OkAsync("UpdateUserStatus", Body(("UserId", userId), ("NewUserStatus", "Enabled"))));
        var group = await c.OkAsync("CreateGroup", Body(("GroupName", "sdk-check")));
        AssertFields(SdkGroupInfo, group.GetProperty("GroupInfo"));
        string groupId = group.GetProperty("GroupInfo").GetProperty("GroupId").GetString()!;
        AssertFields(SdkGroupInfo, (await c.OkAsync("GetGroup", Body(("GroupId", groupId)))).GetProperty("GroupInfo"));
        AssertFields(SdkGroupInfo, (await c.OkAsync("UpdateGroup", Body(("GroupId", groupId), ("NewDescription", "x")))).GetProperty("GroupInfo"));
        AssertFields(new[] { "RequestId" }, await c.OkAsync("AddUserToGroup", Body(("GroupId", groupId), ("UserId", userId))));
        var members = await c.OkAsync("ListGroupMembers", Body(("GroupId", groupId)));
        AssertFields(SdkListPage.Append("GroupMembers"), members);
        AssertFields(SdkGroupMembers, members.GetProperty("GroupMembers")[0]);
        var joined = await c.OkAsync("ListJoinedGroupsForUser", Body(("UserId", userId)));
        AssertFields(SdkListPage.Append("JoinedGroups"), joined);
        AssertFields(SdkJoinedGroups, joined.GetProperty("JoinedGroups")[0]);
        AssertFields(new[] { "SCIMSynchronizationStatus", "RequestId" }, await c.OkAsync("GetSCIMSynchronizationStatus", Body()));
        AssertFields(SdkListPage.Append("UserProvisionings"), await c.OkAsync("ListUserSyncProvisionings", Body()));
    }

    private static void AssertFields(IEnumerable<string> expected, JsonElement actual) =>
        Assert.Equal(expected.OrderBy(f => f, StringComparer.Ordinal), actual.EnumerateObject().Select(p => p.Name).OrderBy(f => f, StringComparer.Ordinal));
}
