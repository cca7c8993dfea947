using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TencentOrg.Emulator.Actions;

/// <summary>
/// CIC users, groups and group membership, with the SCIM and CAM-user-synchronization actions that decide what may change
/// (spec CIC §2, §3, §5). Nothing cascades: a user in a group, a group with members, or either with an assignment or a
/// CAM user synchronization cannot be deleted. While SCIM synchronization is Enabled, Synchronized users and groups are read-only.
/// </summary>
public static partial class UserGroupActions
{
    // Quotas as GetZoneStatistics reports them (DirectoryActions).
    internal const int UserQuota = 5000;
    internal const int GroupQuota = 1000;

    [GeneratedRegex("^[A-Za-z0-9+=,.@_-]{1,64}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex("^[A-Za-z0-9-]{1,128}$")]
    private static partial Regex GroupNamePattern();

    // ---- users (§2) ----

    public static JsonObject CreateUser(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        string name = p.String("UserName")!;
        if (!UserNamePattern().IsMatch(name))
            throw new ApiException("InvalidParameter.UsernameFormatError",
                "UserName may hold letters, digits and + = , . @ - _ only, at most 64 characters.");
        CheckUserLengths(p, "");
        // Case sensitivity of uniqueness is unconfirmed (spec CIC §13.2): the emulator takes the strict reading.
        if (state.UserList.Any(u => u.UserName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            throw new ApiException("InvalidParameter.UsernameAlreadyExists", "The user name " + name + " already exists.");
        string email = p.String("Email") ?? "";
        RequireFreeEmail(state, email, null);
        if (state.UserList.Count >= UserQuota)
            throw new ApiException("FailedOperation.UserOverUpperLimit", "The zone already holds its quota of " + UserQuota + " users.");

        var user = new CicUser
        {
            UserId = NewId(state, "u-", id => state.UserList.Any(u => u.UserId == id)),
            UserName = name,
            FirstName = p.String("FirstName") ?? "",
            LastName = p.String("LastName") ?? "",
            DisplayName = p.String("DisplayName") ?? "",
            Description = p.String("Description") ?? "",
            Email = email,
            UserStatus = p.String("UserStatus") ?? "Enabled",
            UserType = p.String("UserType") ?? "Manual",
            NeedResetPassword = p.Bool("NeedResetPassword") ?? false,
            CreateTime = state.NowText,
            UpdateTime = state.NowText,
        };
        state.UserList.Add(user);
        var info = UserJson(user);
        // The initial password is only ever in this answer (spec CIC §2.1); the emulator does not keep it.
        info["Password"] = NewPassword();
        return new JsonObject { ["UserInfo"] = info };
    }

    public static JsonObject GetUser(ActionContext ctx)
    {
        ctx.RequireZone();
        return new JsonObject { ["UserInfo"] = UserJson(FindUser(ctx.State, ctx.Params.String("UserId")!)) };
    }

    public static JsonObject UpdateUser(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        var user = FindUser(state, p.String("UserId")!);
        RequireWritableUser(state, user, "FailedOperation.SynchronizedUserNotUpdate", "modified");
        CheckUserLengths(p, "New");
        // Whether an empty string clears an attribute is unconfirmed (spec CIC §13.3): the emulator leaves it unchanged.
        if (NonEmpty(p, "NewEmail") is string email) RequireFreeEmail(state, email, user.UserId);
        if (NonEmpty(p, "NewFirstName") is string first) user.FirstName = first;
        if (NonEmpty(p, "NewLastName") is string last) user.LastName = last;
        if (NonEmpty(p, "NewDisplayName") is string display) user.DisplayName = display;
        if (NonEmpty(p, "NewDescription") is string description) user.Description = description;
        if (NonEmpty(p, "NewEmail") is string newEmail) user.Email = newEmail;
        if (p.Bool("NeedResetPassword") is bool reset) user.NeedResetPassword = reset;
        user.UpdateTime = state.NowText;
        return new JsonObject { ["UserInfo"] = UserJson(user) };
    }

    public static JsonObject UpdateUserStatus(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var user = FindUser(state, ctx.Params.String("UserId")!);
        RequireWritableUser(state, user, "FailedOperation.SynchronizedUserNotUpdate", "modified");
        // The same status again is unconfirmed (spec CIC §13.7); the emulator accepts it and changes nothing.
        string status = ctx.Params.String("NewUserStatus")!;
        if (user.UserStatus != status)
        {
            user.UserStatus = status;
            user.UpdateTime = state.NowText;
        }
        return new JsonObject();
    }

    public static JsonObject DeleteUser(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var user = FindUser(state, ctx.Params.String("UserId")!);
        RequireWritableUser(state, user, "FailedOperation.SynchronizedUserNotDelete", "deleted");
        if (state.GroupList.FirstOrDefault(g => g.UserIds.Contains(user.UserId)) is { } group)
            throw new ApiException("InvalidParameter.UserAlreadyExistsGroup",
                "The user " + user.UserId + " is still a member of group " + group.GroupId + "; remove it from every group first.");
        RequireNoDependents(state, "User", user.UserId);
        state.UserList.Remove(user);
        return new JsonObject();
    }

    // ---- groups (§3.1-3.4) ----

    public static JsonObject CreateGroup(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        string name = p.String("GroupName")!;
        RequireGroupName(state, name, null);
        CheckLength(p, "Description", 1024);
        if (state.GroupList.Count >= GroupQuota)
            throw new ApiException("FailedOperation.GroupOverUpperLimit", "The zone already holds its quota of " + GroupQuota + " groups.");
        var group = new CicGroup
        {
            GroupId = NewId(state, "g-", id => state.GroupList.Any(g => g.GroupId == id)),
            GroupName = name,
            Description = p.String("Description") ?? "",
            GroupType = p.String("GroupType") ?? "Manual",
            CreateTime = state.NowText,
            UpdateTime = state.NowText,
        };
        state.GroupList.Add(group);
        return new JsonObject { ["GroupInfo"] = GroupJson(group) };
    }

    public static JsonObject GetGroup(ActionContext ctx)
    {
        ctx.RequireZone();
        return new JsonObject { ["GroupInfo"] = GroupJson(FindGroup(ctx.State, ctx.Params.String("GroupId")!)) };
    }

    public static JsonObject UpdateGroup(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        var group = FindGroup(state, p.String("GroupId")!);
        RequireWritableGroup(state, group, "FailedOperation.SynchronizedGroupNotUpdate", "modified");
        CheckLength(p, "NewDescription", 1024);
        // The rename rule is CreateGroup's (unconfirmed for UpdateGroup, spec CIC §3.3).
        if (NonEmpty(p, "NewGroupName") is string newName)
        {
            RequireGroupName(state, newName, group.GroupId);
            group.GroupName = newName;
        }
        if (NonEmpty(p, "NewDescription") is string description) group.Description = description;
        group.UpdateTime = state.NowText;
        return new JsonObject { ["GroupInfo"] = GroupJson(group) };
    }

    public static JsonObject DeleteGroup(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var group = FindGroup(state, ctx.Params.String("GroupId")!);
        RequireWritableGroup(state, group, "FailedOperation.SynchronizedGroupNotDelete", "deleted");
        if (group.UserIds.Count > 0)
            throw new ApiException("FailedOperation.DeleteGroupNotAllowExistUser",
                "The group " + group.GroupId + " still has " + group.UserIds.Count + " member(s); remove them first.");
        RequireNoDependents(state, "Group", group.GroupId);
        state.GroupList.Remove(group);
        return new JsonObject();
    }

    // ---- membership (§3.5-3.8) ----

    public static JsonObject AddUserToGroup(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var group = FindGroup(state, ctx.Params.String("GroupId")!);
        var user = FindUser(state, ctx.Params.String("UserId")!);
        RequireWritableGroup(state, group, "FailedOperation.SynchronizedGroupNotAddUser", "given new members");
        if (group.GroupType != user.UserType)
            throw new ApiException("FailedOperation.GroupTypeUserTypeNotMatch",
                "The group " + group.GroupId + " is " + group.GroupType + " but the user " + user.UserId + " is " + user.UserType + ".");
        if (group.UserIds.Contains(user.UserId))
            throw new ApiException("InvalidParameter.GroupUserAlreadyExists", "The user " + user.UserId + " is already in group " + group.GroupId + ".");
        group.UserIds.Add(user.UserId);
        group.JoinTimes[user.UserId] = state.NowText;
        group.UpdateTime = state.NowText;
        return new JsonObject();
    }

    public static JsonObject RemoveUserFromGroup(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var group = FindGroup(state, ctx.Params.String("GroupId")!);
        string userId = ctx.Params.String("UserId")!;
        RequireWritableGroup(state, group, "FailedOperation.SynchronizedGroupNotRemoveUser", "stripped of members");
        // The action lists no UserNotExist: an unknown user is simply not a member.
        if (!group.UserIds.Remove(userId))
            throw new ApiException("InvalidParameter.GroupUserNotExist", "The user " + userId + " is not in group " + group.GroupId + ".");
        group.JoinTimes.Remove(userId);
        group.UpdateTime = state.NowText;
        return new JsonObject();
    }

    public static JsonObject ListGroupMembers(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var group = FindGroup(state, ctx.Params.String("GroupId")!);
        var byId = state.UserList.ToDictionary(u => u.UserId, StringComparer.Ordinal);
        IEnumerable<CicUser> rows = group.UserIds.Where(byId.ContainsKey).Select(id => byId[id]);
        if (ctx.Params.String("UserType") is string type) rows = rows.Where(u => u.UserType == type);
        var response = new JsonObject();
        response["GroupMembers"] = Paging.TokenPage(ctx, rows.ToList(), u => new JsonObject
        {
            ["UserName"] = u.UserName, ["DisplayName"] = u.DisplayName, ["Description"] = u.Description, ["Email"] = u.Email,
            ["UserStatus"] = u.UserStatus, ["UserType"] = u.UserType, ["UserId"] = u.UserId, ["JoinTime"] = JoinTime(group, u.UserId),
        }, response);
        return response;
    }

    public static JsonObject ListJoinedGroupsForUser(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var user = FindUser(state, ctx.Params.String("UserId")!);
        var rows = state.GroupList.Where(g => g.UserIds.Contains(user.UserId)).ToList();
        var response = new JsonObject();
        response["JoinedGroups"] = Paging.TokenPage(ctx, rows, g => new JsonObject
        {
            ["GroupName"] = g.GroupName, ["Description"] = g.Description, ["GroupId"] = g.GroupId, ["GroupType"] = g.GroupType,
            ["JoinTime"] = JoinTime(g, user.UserId),
        }, response);
        return response;
    }

    // ---- SCIM and CAM user synchronizations (§5) ----

    public static JsonObject GetSCIMSynchronizationStatus(ActionContext ctx)
    {
        ctx.RequireZone();
        return new JsonObject { ["SCIMSynchronizationStatus"] = ctx.State.Zone.ScimSyncStatus };
    }

    public static JsonObject ListUserSyncProvisionings(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        IEnumerable<UserSyncProvisioning> rows = state.UserSyncProvisioningList;
        if (p.String("PrincipalId") is string principalId) rows = rows.Where(x => x.PrincipalId == principalId);
        if (p.String("PrincipalType") is string principalType) rows = rows.Where(x => x.PrincipalType == principalType);
        if (p.Int64("TargetUin") is long targetUin) rows = rows.Where(x => x.TargetUin == targetUin);
        if (p.String("TargetType") is string targetType) rows = rows.Where(x => x.TargetType == targetType);
        // The Filter rule is unconfirmed (spec CIC §13.15): a keyword over the ID, the principal's name and the description.
        if (p.String("Filter") is { Length: > 0 } filter)
            rows = rows.Where(x => x.UserProvisioningId.Contains(filter, StringComparison.OrdinalIgnoreCase)
                || state.PrincipalName(x.PrincipalType, x.PrincipalId).Contains(filter, StringComparison.OrdinalIgnoreCase)
                || x.Description.Contains(filter, StringComparison.OrdinalIgnoreCase));
        var response = new JsonObject();
        response["UserProvisionings"] = Paging.TokenPage(ctx, rows.ToList(), x => new JsonObject
        {
            ["UserProvisioningId"] = x.UserProvisioningId, ["Description"] = x.Description, ["Status"] = x.Status,
            ["PrincipalId"] = x.PrincipalId, ["PrincipalName"] = state.PrincipalName(x.PrincipalType, x.PrincipalId),
            ["PrincipalType"] = x.PrincipalType, ["TargetUin"] = x.TargetUin, ["TargetName"] = state.TargetName(x.TargetType, x.TargetUin),
            ["DuplicationStrategy"] = x.DuplicationStrategy, ["DeletionStrategy"] = x.DeletionStrategy,
            ["CreateTime"] = x.CreateTime, ["UpdateTime"] = x.UpdateTime, ["TargetType"] = x.TargetType,
        }, response);
        return response;
    }

    /// <summary>Async: the synchronization goes when its task succeeds (GetProvisioningTaskStatus, after the task options' polls or duration).</summary>
    public static JsonObject DeleteUserSyncProvisioning(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        string id = ctx.Params.String("UserProvisioningId")!;
        var sync = state.UserSyncProvisioningList.FirstOrDefault(x => x.UserProvisioningId == id)
            ?? throw new ApiException("ResourceNotFound.UserProvisioningNotFound", "The CAM user synchronization " + id + " does not exist.");
        var task = new UserSyncTask { TaskId = state.NextTaskId(), UserProvisioningId = id, CreatedAt = state.Now };
        state.UserSyncTaskList.Add(task);
        return new JsonObject
        {
            ["Tasks"] = new JsonObject
            {
                ["TaskId"] = task.TaskId, ["TargetUin"] = sync.TargetUin, ["TargetType"] = sync.TargetType, ["TaskType"] = "DeleteProvisioning",
                ["TaskStatus"] = task.Status, ["UserProvisioningId"] = id, ["PrincipalId"] = sync.PrincipalId,
                ["PrincipalType"] = sync.PrincipalType, ["PrincipalName"] = state.PrincipalName(sync.PrincipalType, sync.PrincipalId),
                ["DuplicationStrategy"] = sync.DuplicationStrategy, ["DeletionStrategy"] = sync.DeletionStrategy,
            },
        };
    }

    /// <summary>GetProvisioningTaskStatus for a DeleteUserSyncProvisioning task; null when the id is not one.</summary>
    internal static JsonObject? UserSyncTaskStatus(ActionContext ctx)
    {
        var state = ctx.State;
        string taskId = ctx.Params.String("TaskId")!;
        var task = state.UserSyncTaskList.FirstOrDefault(t => t.TaskId == taskId);
        if (task is null) return null;
        if (task.Status == "InProgress")
        {
            bool done = ctx.Options.TaskDuration is TimeSpan duration
                ? state.Now >= task.CreatedAt + duration
                : task.PollsSeen++ >= ctx.Options.TaskPollsToComplete;
            if (done)
            {
                task.Status = "Success";
                state.UserSyncProvisioningList.RemoveAll(x => x.UserProvisioningId == task.UserProvisioningId);
            }
        }
        return new JsonObject
        {
            ["TaskStatus"] = new JsonObject { ["Status"] = task.Status, ["TaskId"] = task.TaskId, ["TaskType"] = "DeleteProvisioning", ["FailureReason"] = "" },
        };
    }

    // ---- rules ----

    internal static CicUser FindUser(EmulatorState state, string userId) =>
        state.UserList.FirstOrDefault(u => u.UserId == userId)
        ?? throw new ApiException("ResourceNotFound.UserNotExist", "The CIC user " + userId + " does not exist.");

    internal static CicGroup FindGroup(EmulatorState state, string groupId) =>
        state.GroupList.FirstOrDefault(g => g.GroupId == groupId)
        ?? throw new ApiException("InvalidParameter.GroupNotExist", "The CIC group " + groupId + " does not exist.");

    private static bool ScimEnabled(EmulatorState state) => state.Zone.ScimSyncStatus == "Enabled";

    private static void RequireWritableUser(EmulatorState state, CicUser user, string code, string what)
    {
        if (user.UserType == "Synchronized" && ScimEnabled(state))
            throw new ApiException(code, "The user " + user.UserId + " is synchronized by SCIM and cannot be " + what + " while SCIM synchronization is enabled.");
    }

    private static void RequireWritableGroup(EmulatorState state, CicGroup group, string code, string what)
    {
        if (group.GroupType == "Synchronized" && ScimEnabled(state))
            throw new ApiException(code, "The group " + group.GroupId + " is synchronized by SCIM and cannot be " + what + " while SCIM synchronization is enabled.");
    }

    /// <summary>Assignments and CAM user synchronizations of a principal block its deletion (§2.5, §3.4).</summary>
    private static void RequireNoDependents(EmulatorState state, string principalType, string principalId)
    {
        if (state.AssignmentList.Any(a => a.PrincipalType == principalType && a.PrincipalId == principalId))
            throw new ApiException("FailedOperation.RoleConfigurationAuthorizationExist",
                "Role assignments still name " + principalId + "; delete them first.");
        if (state.UserSyncProvisioningList.Any(x => x.PrincipalType == principalType && x.PrincipalId == principalId))
            throw new ApiException("FailedOperation.UserProvisioningExists",
                "A CAM user synchronization still exists for " + principalId + "; delete it first.");
    }

    private static void RequireGroupName(EmulatorState state, string name, string? selfId)
    {
        if (!GroupNamePattern().IsMatch(name))
            throw new ApiException("InvalidParameter.GroupNameFormatError",
                "GroupName may hold English letters, digits and hyphens only, at most 128 characters.");
        if (state.GroupList.Any(g => g.GroupId != selfId && g.GroupName.Equals(name, StringComparison.OrdinalIgnoreCase)))
            throw new ApiException("InvalidParameter.GroupNameAlreadyExists", "The group name " + name + " already exists.");
    }

    private static void RequireFreeEmail(EmulatorState state, string email, string? selfId)
    {
        if (email.Length > 0 && state.UserList.Any(u => u.UserId != selfId && u.Email.Equals(email, StringComparison.OrdinalIgnoreCase)))
            throw new ApiException("InvalidParameter.EmailAlreadyExists", "The e-mail address " + email + " is already used by another user.");
    }

    /// <summary>Metadata lengths (§9.2); the spec gives no dedicated code, so the common InvalidParameterValue.</summary>
    private static void CheckUserLengths(Params p, string prefix)
    {
        CheckLength(p, prefix + "FirstName", 64);
        CheckLength(p, prefix + "LastName", 64);
        CheckLength(p, prefix + "DisplayName", 256);
        CheckLength(p, prefix + "Description", 1024);
        CheckLength(p, prefix + "Email", 128);
    }

    private static void CheckLength(Params p, string field, int max)
    {
        if (p.String(field) is { } value && value.Length > max)
            throw new ApiException("InvalidParameterValue", field + " is longer than " + max + " characters.");
    }

    private static string? NonEmpty(Params p, string field) => p.String(field) is { Length: > 0 } value ? value : null;

    private static string JoinTime(CicGroup group, string userId) =>
        group.JoinTimes.TryGetValue(userId, out var when) ? when : group.CreateTime;

    /// <summary>prefix + 12 lowercase letters/digits, like the examples; derived from a counter so runs are repeatable.</summary>
    private static string NewId(EmulatorState state, string prefix, Func<string, bool> taken)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (long n = state.UserList.Count + state.GroupList.Count + 1; ; n++)
        {
            long x = n * 2654435761L + 97;
            var chars = new char[12];
            for (int i = 11; i >= 0; i--)
            {
                chars[i] = alphabet[(int)(x % alphabet.Length)];
                x /= alphabet.Length;
            }
            string id = prefix + new string(chars);
            if (!taken(id)) return id;
        }
    }

    private static string NewPassword()
    {
        const string alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!@#%&*";
        var chars = new char[16];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        return new string(chars);
    }

    internal static JsonObject UserJson(CicUser u) => new()
    {
        ["UserName"] = u.UserName, ["FirstName"] = u.FirstName, ["LastName"] = u.LastName, ["DisplayName"] = u.DisplayName,
        ["Description"] = u.Description, ["Email"] = u.Email, ["UserStatus"] = u.UserStatus, ["UserType"] = u.UserType,
        ["UserId"] = u.UserId, ["CreateTime"] = u.CreateTime, ["UpdateTime"] = u.UpdateTime, ["NeedResetPassword"] = u.NeedResetPassword,
    };

    internal static JsonObject GroupJson(CicGroup g) => new()
    {
        ["GroupName"] = g.GroupName, ["Description"] = g.Description, ["CreateTime"] = g.CreateTime, ["GroupType"] = g.GroupType,
        ["UpdateTime"] = g.UpdateTime, ["GroupId"] = g.GroupId, ["MemberCount"] = g.UserIds.Count,
    };
}
