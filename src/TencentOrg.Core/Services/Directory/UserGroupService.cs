using System;
using System.Collections.Generic;
using System.Linq;
using System.Security;
using System.Threading;
using System.Threading.Tasks;
using TencentOrg.Api;
using TencentOrg.Models;
using TencentOrg.Services.Configuration;

namespace TencentOrg.Services
{
    /// <summary>The attribute changes Set-TcOrgUser asks for; null = leave as is.</summary>
    internal sealed class UserChanges
    {
        public string? FirstName { get; set; }
        public string? LastName { get; set; }
        public string? DisplayName { get; set; }
        public string? Description { get; set; }
        public string? Email { get; set; }
        public bool? NeedResetPassword { get; set; }
        /// <summary>Enabled or Disabled (UpdateUserStatus).</summary>
        public string? UserStatus { get; set; }
    }

    /// <summary>
    /// CIC users, groups and group membership (spec CIC §2, §3, §5.1). Every write goes through <see cref="ReconcilingWrite"/>: no
    /// request carries a client token, so a create whose answer was lost is read back by name before any resend, and an
    /// update or delete by ID. "Already a member" and "not a member" settle as success. A SCIM-synchronized user or group is
    /// refused before any write while SCIM synchronization is enabled.
    /// </summary>
    internal sealed class UserGroupService
    {
        public const string UserNotExist = "ResourceNotFound.UserNotExist";
        public const string GroupNotExist = "InvalidParameter.GroupNotExist";
        public const string UserNameExists = "InvalidParameter.UsernameAlreadyExists";
        public const string AlreadyMember = "InvalidParameter.GroupUserAlreadyExists";
        public const string NotMember = "InvalidParameter.GroupUserNotExist";
        public const string Synchronized = "Synchronized";
        private const long PageSize = 100;

        private readonly OrgApiClient _client;
        private readonly IOrgLog _log;
        private readonly ReconcilingWrite _writes;
        private readonly DirectoryService _directory;
        private readonly object _cacheLock = new object();
        // Per command: SCIM status and the groups a membership cmdlet writes to, read once each.
        private Task<string>? _scimStatus;
        private readonly Dictionary<string, Task<OrgGroup>> _groups = new Dictionary<string, Task<OrgGroup>>(StringComparer.Ordinal);

        public UserGroupService(OrgSession session, IOrgLog log)
        {
            _client = session.Client;
            _log = log;
            _writes = new ReconcilingWrite(session.Options, log);
            _directory = new DirectoryService(session, log);
        }

        // ---- reads ----

        public async Task<OrgUser> GetUserAsync(string zoneId, string userId, CancellationToken ct)
        {
            var r = await _client.CallAsync<UserInfoResponse>("GetUser", new GetUserRequest { ZoneId = zoneId, UserId = userId }, ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            return r.UserInfo != null && r.UserInfo.UserId == userId ? ToUser(zoneId, r.UserInfo)
                : throw new OrgTransportException("GetUser", "ClientError.ParseJsonError", "the answer for user " + userId + " carries another or no UserInfo", true);
        }

        /// <summary>GetGroup; a missing GroupInfo (marked may-be-absent) is "not found".</summary>
        public async Task<OrgGroup> GetGroupAsync(string zoneId, string groupId, CancellationToken ct)
        {
            var r = await _client.CallAsync<GroupInfoResponse>("GetGroup", new GetGroupRequest { ZoneId = zoneId, GroupId = groupId }, ApiCallKind.Read, _log, ct).ConfigureAwait(false);
            if (r.GroupInfo == null || r.GroupInfo.GroupId != groupId)
                throw new OrgApiException("GetGroup", GroupNotExist, "The CIC group " + groupId + " was not returned.", r.RequestId);
            return ToGroup(zoneId, r.GroupInfo);
        }

        /// <summary>Enabled or Disabled; read once per service.</summary>
        public Task<string> GetScimStatusAsync(string zoneId, CancellationToken ct)
        {
            lock (_cacheLock)
            {
                return _scimStatus ??= ReadScimAsync(zoneId, ct);
            }
        }

        private async Task<string> ReadScimAsync(string zoneId, CancellationToken ct) =>
            (await _client.CallAsync<GetSCIMSynchronizationStatusResponse>("GetSCIMSynchronizationStatus", new ZoneRequest { ZoneId = zoneId },
                ApiCallKind.Read, _log, ct).ConfigureAwait(false)).SCIMSynchronizationStatus!;

        /// <summary>The user with exactly this name (ListUsers' Filter is only a keyword search), or null.</summary>
        public async Task<OrgUser?> FindUserByNameAsync(string zoneId, string userName, CancellationToken ct)
        {
            OrgUser? match = null;
            await _directory.ListUsersAsync(new ListUsersRequest { ZoneId = zoneId, Filter = userName }, u =>
            {
                if (!string.Equals(u.UserName, userName, StringComparison.Ordinal)) return true;
                match = u;
                return false;
            }, ct).ConfigureAwait(false);
            return match;
        }

        /// <summary>The group with exactly this name ("GroupName eq" is case-insensitive on the service), or null.</summary>
        public async Task<OrgGroup?> FindGroupByNameAsync(string zoneId, string groupName, CancellationToken ct)
        {
            OrgGroup? match = null;
            await _directory.ListGroupsAsync(new ListGroupsRequest { ZoneId = zoneId, Filter = "GroupName eq " + groupName }, g =>
            {
                if (!string.Equals(g.GroupName, groupName, StringComparison.Ordinal)) return true;
                match = g;
                return false;
            }, ct).ConfigureAwait(false);
            return match;
        }

        /// <summary>
        /// The group's members (the rows do not name their group: it is the request's). A row outside the UserType filter is
        /// an error (the listing check Sync uses); a row without its UserId is already refused by the response parser.
        /// </summary>
        public Task ListGroupMembersAsync(string zoneId, string groupId, string? userType, Func<OrgGroupMember, bool> onItem, CancellationToken ct)
        {
            int row = 0;
            return Paging.ByTokenAsync<ListGroupMembersResponse, GroupMemberItem>(_client, "ListGroupMembers",
                new ListGroupMembersRequest { ZoneId = zoneId, GroupId = groupId, UserType = userType }, PageSize, page => page.GroupMembers,
                m =>
                {
                    ListingRows.InFilter("ListGroupMembers", "row " + row++ + " of group " + groupId, "user " + m.UserId + " (" + m.UserType + ")", "UserType", userType, m.UserType, StringComparison.OrdinalIgnoreCase);
                    return onItem(new OrgGroupMember
                    {
                        ZoneId = zoneId, GroupId = groupId, UserId = m.UserId, UserName = m.UserName, DisplayName = m.DisplayName, Email = m.Email,
                        UserStatus = m.UserStatus, UserType = m.UserType, Description = m.Description, JoinTime = m.JoinTime,
                    });
                }, _log, ct);
        }

        /// <summary>Whether the user is in the group, from the user's own (short) list of groups.</summary>
        private async Task<bool> IsMemberAsync(string zoneId, string groupId, string userId, CancellationToken ct)
        {
            bool found = false;
            await Paging.ByTokenAsync<ListJoinedGroupsForUserResponse, JoinedGroupItem>(_client, "ListJoinedGroupsForUser",
                new ListJoinedGroupsForUserRequest { ZoneId = zoneId, UserId = userId }, PageSize, page => page.JoinedGroups,
                g => !(found = g.GroupId == groupId), _log, ct).ConfigureAwait(false);
            return found;
        }

        // ---- users ----

        /// <summary>CreateUser; a lost answer is settled by reading the name back (the initial password is then lost with it).</summary>
        public async Task<ItemOutcome<string, OrgUser>> CreateUserAsync(CreateUserRequest request, CancellationToken ct)
        {
            string zoneId = request.ZoneId!;
            var path = new WritePath<CreateUserRequest, OrgUser>("CreateUser",
                async (batch, c) => new[] { await SendCreateUserAsync(batch[0], c).ConfigureAwait(false) },
                async (batch, c) => new[] { await ReadBackUserAsync(batch[0], c).ConfigureAwait(false) })
            {
                Describe = r => "user '" + r.UserName + "'",
            };
            var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
            return outcome.Succeeded ? ItemOutcome<string, OrgUser>.Success(request.UserName!, outcome.Result!)
                : ItemOutcome<string, OrgUser>.Failure(request.UserName!, outcome.Error!);
        }

        private async Task<OrgUser> SendCreateUserAsync(CreateUserRequest request, CancellationToken ct)
        {
            var r = await _client.CallAsync<UserInfoResponse>("CreateUser", request, ApiCallKind.Write, _log, ct).ConfigureAwait(false);
            var info = r.UserInfo;
            if (info == null || string.IsNullOrEmpty(info.UserId))
            {
                // Applied but unusable: read the user back by name instead of trusting the answer.
                var found = await FindUserByNameAsync(request.ZoneId!, request.UserName!, ct).ConfigureAwait(false);
                return found ?? throw new OrgTransportException("CreateUser", "ClientError.ParseJsonError",
                    "the answer has no UserInfo and no user named '" + request.UserName + "' can be found", true);
            }
            var user = ToUser(request.ZoneId!, info);
            user.InitialPassword = ToSecure(info.Password);
            info.Password = null;
            user.RequestId = r.RequestId;
            return user;
        }

        /// <summary>A user found by name after an uncertain create is ours unless it has another e-mail than the one sent.</summary>
        private async Task<ReadBack<OrgUser>> ReadBackUserAsync(CreateUserRequest request, CancellationToken ct)
        {
            var found = await FindUserByNameAsync(request.ZoneId!, request.UserName!, ct).ConfigureAwait(false);
            if (found == null) return ReadBack<OrgUser>.Absent;
            if (!string.IsNullOrEmpty(request.Email) && !string.Equals(found.Email, request.Email, StringComparison.OrdinalIgnoreCase))
                return ReadBack<OrgUser>.Refused(new OrgApiException("CreateUser", UserNameExists,
                    "A user named '" + found.UserName + "' (" + found.UserId + ") exists with another e-mail address than the one sent.", null));
            _log.Warning("CreateUser: the answer for user '" + request.UserName + "' was lost; the user was created (" + found.UserId
                + ") but its initial password cannot be read again. Have the user reset it (-NeedResetPassword) or set one in the console.");
            return ReadBack<OrgUser>.Applied(found);
        }

        /// <summary>
        /// Set-TcOrgUser: reads the user, refuses a SCIM-synchronized one while SCIM is enabled, sends only what differs
        /// (UpdateUser for attributes, UpdateUserStatus for the status), and returns the user as it now is.
        /// </summary>
        public async Task<ItemOutcome<string, OrgUser>> UpdateUserAsync(string zoneId, string userId, UserChanges changes, CancellationToken ct)
        {
            OrgUser current;
            try
            {
                current = await GetUserAsync(zoneId, userId, ct).ConfigureAwait(false);
                await RequireWritableAsync(zoneId, current.UserType, "user " + current, "UpdateUser", "FailedOperation.SynchronizedUserNotUpdate", ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                return ItemOutcome<string, OrgUser>.Failure(userId, error);
            }

            var request = new UpdateUserRequest
            {
                ZoneId = zoneId,
                UserId = userId,
                NewFirstName = Changed(current.FirstName, changes.FirstName, "FirstName", current),
                NewLastName = Changed(current.LastName, changes.LastName, "LastName", current),
                NewDisplayName = Changed(current.DisplayName, changes.DisplayName, "DisplayName", current),
                NewDescription = Changed(current.Description, changes.Description, "Description", current),
                NewEmail = Changed(current.Email, changes.Email, "Email", current),
                NeedResetPassword = changes.NeedResetPassword,
            };
            var result = current;
            if (request.NewFirstName != null || request.NewLastName != null || request.NewDisplayName != null || request.NewDescription != null
                || request.NewEmail != null || request.NeedResetPassword != null)
            {
                var path = new WritePath<UpdateUserRequest, OrgUser>("UpdateUser",
                    async (batch, c) => new[] { await SendUpdateUserAsync(batch[0], c).ConfigureAwait(false) },
                    async (batch, c) =>
                    {
                        var now = await GetUserAsync(zoneId, userId, c).ConfigureAwait(false);
                        return new[] { UserMatches(now, batch[0]) ? ReadBack<OrgUser>.Applied(now) : ReadBack<OrgUser>.Absent };
                    })
                { Describe = r => "user " + current, IsUpdate = true };
                var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
                if (!outcome.Succeeded) return ItemOutcome<string, OrgUser>.Failure(userId, outcome.Error!);
                result = outcome.Result!;
            }
            if (changes.UserStatus != null && !string.Equals(changes.UserStatus, current.UserStatus, StringComparison.Ordinal))
            {
                // The same status again has no documented answer (spec CIC §13.7): compared above, never sent.
                var path = new WritePath<string, OrgUser>("UpdateUserStatus",
                    async (batch, c) =>
                    {
                        var r = await _client.CallAsync<EmptyResponse>("UpdateUserStatus",
                            new UpdateUserStatusRequest { ZoneId = zoneId, UserId = userId, NewUserStatus = batch[0] }, ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                        var copy = Copy(result);
                        copy.UserStatus = batch[0];
                        copy.RequestId = r.RequestId;
                        return new[] { copy };
                    },
                    async (batch, c) =>
                    {
                        var now = await GetUserAsync(zoneId, userId, c).ConfigureAwait(false);
                        return new[] { now.UserStatus == batch[0] ? ReadBack<OrgUser>.Applied(now) : ReadBack<OrgUser>.Absent };
                    })
                { Describe = s => "status " + s + " of user " + current, IsUpdate = true };
                var outcome = (await _writes.RunAsync(path, new[] { changes.UserStatus }, ct).ConfigureAwait(false))[0];
                if (!outcome.Succeeded) return ItemOutcome<string, OrgUser>.Failure(userId, outcome.Error!);
                result = outcome.Result!;
            }
            // Nothing to change: already as asked.
            return ReferenceEquals(result, current) ? ReconcilingWrite.Existing(userId, current) : ItemOutcome<string, OrgUser>.Success(userId, result);
        }

        private async Task<OrgUser> SendUpdateUserAsync(UpdateUserRequest request, CancellationToken ct)
        {
            var r = await _client.CallAsync<UserInfoResponse>("UpdateUser", request, ApiCallKind.IdempotentWrite, _log, ct).ConfigureAwait(false);
            // UserInfo is marked may-be-absent (spec CIC §2.3): read the user back then.
            var user = r.UserInfo != null && r.UserInfo.UserId == request.UserId ? ToUser(request.ZoneId!, r.UserInfo)
                : await GetUserAsync(request.ZoneId!, request.UserId!, ct).ConfigureAwait(false);
            user.RequestId = r.RequestId;
            return user;
        }

        /// <summary>
        /// The value to send, or null when it is not asked for or already so. An empty value cannot be sent: whether it clears
        /// the attribute is unconfirmed (spec CIC §13.3), so the attribute stays as it is, with a warning when it had a value.
        /// </summary>
        private string? Changed(string? current, string? wanted, string field, OrgUser user)
        {
            if (wanted == null || string.Equals(current ?? "", wanted, StringComparison.Ordinal)) return null;
            if (wanted.Length > 0) return wanted;
            _log.Warning("User " + user + ": " + field + " was left as it is: the API has no documented way to clear it.");
            return null;
        }

        private static bool UserMatches(OrgUser now, UpdateUserRequest sent) =>
            (sent.NewFirstName == null || now.FirstName == sent.NewFirstName) && (sent.NewLastName == null || now.LastName == sent.NewLastName)
            && (sent.NewDisplayName == null || now.DisplayName == sent.NewDisplayName) && (sent.NewDescription == null || now.Description == sent.NewDescription)
            && (sent.NewEmail == null || string.Equals(now.Email, sent.NewEmail, StringComparison.OrdinalIgnoreCase))
            && (sent.NeedResetPassword == null || now.NeedResetPassword == null || now.NeedResetPassword == sent.NeedResetPassword);

        /// <summary>DeleteUser; refused before the write for a SCIM-synchronized user while SCIM is enabled. Nothing cascades.</summary>
        public async Task<ItemOutcome<string, WriteReceipt>> DeleteUserAsync(string zoneId, string userId, CancellationToken ct)
        {
            try
            {
                var user = await GetUserAsync(zoneId, userId, ct).ConfigureAwait(false);
                await RequireWritableAsync(zoneId, user.UserType, "user " + user, "DeleteUser", "FailedOperation.SynchronizedUserNotDelete", ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                return ItemOutcome<string, WriteReceipt>.Failure(userId, error);
            }
            return await DeleteAsync("DeleteUser", "user " + userId, new DeleteUserRequest { ZoneId = zoneId, UserId = userId }, UserNotExist,
                c => GetUserAsync(zoneId, userId, c), userId, ct).ConfigureAwait(false);
        }

        // ---- groups ----

        /// <summary>CreateGroup; a lost or empty answer is settled by reading the name back.</summary>
        public async Task<ItemOutcome<string, OrgGroup>> CreateGroupAsync(CreateGroupRequest request, CancellationToken ct)
        {
            string zoneId = request.ZoneId!;
            var path = new WritePath<CreateGroupRequest, OrgGroup>("CreateGroup",
                async (batch, c) =>
                {
                    var r = await _client.CallAsync<GroupInfoResponse>("CreateGroup", batch[0], ApiCallKind.Write, _log, c).ConfigureAwait(false);
                    var group = r.GroupInfo != null && !string.IsNullOrEmpty(r.GroupInfo.GroupId) ? ToGroup(zoneId, r.GroupInfo)
                        : await FindGroupByNameAsync(zoneId, batch[0].GroupName!, c).ConfigureAwait(false)
                          ?? throw new OrgTransportException("CreateGroup", "ClientError.ParseJsonError",
                              "the answer has no GroupInfo and no group named '" + batch[0].GroupName + "' can be found", true);
                    group.RequestId = r.RequestId;
                    return new[] { group };
                },
                async (batch, c) =>
                {
                    var found = await FindGroupByNameAsync(zoneId, batch[0].GroupName!, c).ConfigureAwait(false);
                    return new[] { found == null ? ReadBack<OrgGroup>.Absent : ReadBack<OrgGroup>.Applied(found) };
                })
            {
                Describe = r => "group '" + r.GroupName + "'",
            };
            var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
            return outcome.Succeeded ? ItemOutcome<string, OrgGroup>.Success(request.GroupName!, outcome.Result!)
                : ItemOutcome<string, OrgGroup>.Failure(request.GroupName!, outcome.Error!);
        }

        /// <summary>Set-TcOrgGroup: rename and/or describe; only what differs is sent, and a SCIM-synchronized group is refused first.</summary>
        public async Task<ItemOutcome<string, OrgGroup>> UpdateGroupAsync(string zoneId, string groupId, string? newName, string? description, CancellationToken ct)
        {
            OrgGroup current;
            try
            {
                current = await GroupAsync(zoneId, groupId, ct).ConfigureAwait(false);
                await RequireWritableAsync(zoneId, current.GroupType, "group " + current, "UpdateGroup", "FailedOperation.SynchronizedGroupNotUpdate", ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                return ItemOutcome<string, OrgGroup>.Failure(groupId, error);
            }
            if (description != null && description.Length == 0 && !string.IsNullOrEmpty(current.Description))
                _log.Warning("Group " + current + ": Description was left as it is: the API has no documented way to clear it.");
            var request = new UpdateGroupRequest
            {
                ZoneId = zoneId,
                GroupId = groupId,
                NewGroupName = string.IsNullOrEmpty(newName) || newName == current.GroupName ? null : newName,
                NewDescription = string.IsNullOrEmpty(description) || description == (current.Description ?? "") ? null : description,
            };
            if (request.NewGroupName == null && request.NewDescription == null) return ReconcilingWrite.Existing(groupId, current);
            var path = new WritePath<UpdateGroupRequest, OrgGroup>("UpdateGroup",
                async (batch, c) =>
                {
                    var r = await _client.CallAsync<GroupInfoResponse>("UpdateGroup", batch[0], ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                    var group = r.GroupInfo != null && r.GroupInfo.GroupId == groupId ? ToGroup(zoneId, r.GroupInfo) : await GetGroupAsync(zoneId, groupId, c).ConfigureAwait(false);
                    group.RequestId = r.RequestId;
                    return new[] { group };
                },
                async (batch, c) =>
                {
                    var now = await GetGroupAsync(zoneId, groupId, c).ConfigureAwait(false);
                    bool done = (batch[0].NewGroupName == null || now.GroupName == batch[0].NewGroupName)
                        && (batch[0].NewDescription == null || now.Description == batch[0].NewDescription);
                    return new[] { done ? ReadBack<OrgGroup>.Applied(now) : ReadBack<OrgGroup>.Absent };
                })
            { Describe = r => "group " + current, IsUpdate = true };
            var outcome = (await _writes.RunAsync(path, new[] { request }, ct).ConfigureAwait(false))[0];
            return outcome.Succeeded ? ItemOutcome<string, OrgGroup>.Success(groupId, outcome.Result!) : ItemOutcome<string, OrgGroup>.Failure(groupId, outcome.Error!);
        }

        /// <summary>DeleteGroup; a group with members, assignments or CAM user synchronizations is refused by the service (nothing cascades).</summary>
        public async Task<ItemOutcome<string, WriteReceipt>> DeleteGroupAsync(string zoneId, string groupId, CancellationToken ct)
        {
            try
            {
                var group = await GroupAsync(zoneId, groupId, ct).ConfigureAwait(false);
                await RequireWritableAsync(zoneId, group.GroupType, "group " + group, "DeleteGroup", "FailedOperation.SynchronizedGroupNotDelete", ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                return ItemOutcome<string, WriteReceipt>.Failure(groupId, error);
            }
            return await DeleteAsync("DeleteGroup", "group " + groupId, new DeleteGroupRequest { ZoneId = zoneId, GroupId = groupId }, GroupNotExist,
                c => GetGroupAsync(zoneId, groupId, c), groupId, ct).ConfigureAwait(false);
        }

        // ---- membership ----

        /// <summary>AddUserToGroup for one user; "already a member" is success (Outcome AlreadyMember).</summary>
        public Task<ItemOutcome<string, OrgGroupMembership>> AddMemberAsync(string zoneId, string groupId, string userId, CancellationToken ct) =>
            MembershipAsync("AddUserToGroup", zoneId, groupId, userId, AlreadyMember, OrgGroupMembership.Added, OrgGroupMembership.AlreadyMember,
                "FailedOperation.SynchronizedGroupNotAddUser", wantMember: true, ct);

        /// <summary>RemoveUserFromGroup for one user; "not a member" is success (Outcome NotMember).</summary>
        public Task<ItemOutcome<string, OrgGroupMembership>> RemoveMemberAsync(string zoneId, string groupId, string userId, CancellationToken ct) =>
            MembershipAsync("RemoveUserFromGroup", zoneId, groupId, userId, NotMember, OrgGroupMembership.Removed, OrgGroupMembership.NotMember,
                "FailedOperation.SynchronizedGroupNotRemoveUser", wantMember: false, ct);

        private async Task<ItemOutcome<string, OrgGroupMembership>> MembershipAsync(string action, string zoneId, string groupId, string userId,
            string settledCode, string done, string alreadySo, string scimCode, bool wantMember, CancellationToken ct)
        {
            try
            {
                var group = await GroupAsync(zoneId, groupId, ct).ConfigureAwait(false);
                await RequireWritableAsync(zoneId, group.GroupType, "group " + group, action, scimCode, ct).ConfigureAwait(false);
            }
            catch (OrgException error)
            {
                return ItemOutcome<string, OrgGroupMembership>.Failure(userId, error);
            }
            OrgGroupMembership Result(string outcome, string? requestId) =>
                new OrgGroupMembership { ZoneId = zoneId, GroupId = groupId, UserId = userId, Outcome = outcome, RequestId = requestId };
            var path = new WritePath<string, OrgGroupMembership>(action,
                async (batch, c) =>
                {
                    var r = await _client.CallAsync<EmptyResponse>(action, new GroupMembershipRequest { ZoneId = zoneId, GroupId = groupId, UserId = batch[0] },
                        ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false);
                    return new[] { Result(done, r.RequestId) };
                },
                async (batch, c) =>
                {
                    bool member;
                    try
                    {
                        member = await IsMemberAsync(zoneId, groupId, batch[0], c).ConfigureAwait(false);
                    }
                    catch (OrgApiException gone) when (!wantMember && gone.Code == UserNotExist)
                    {
                        member = false;
                    }
                    return new[] { member == wantMember ? ReadBack<OrgGroupMembership>.Applied(Result(done, null)) : ReadBack<OrgGroupMembership>.Absent };
                })
            {
                // The service's "already a member" / "not a member" is the state asked for: success, nothing to do.
                OnRefused = (item, error, c) => Task.FromResult(error.Code == settledCode ? Result(alreadySo, error.RequestId) : null),
                Describe = u => "user " + u + " in group " + groupId,
            };
            return (await _writes.RunAsync(path, new[] { userId }, ct).ConfigureAwait(false))[0];
        }

        // ---- shared ----

        private async Task<ItemOutcome<string, WriteReceipt>> DeleteAsync(string action, string what, object request, string notExistCode,
            Func<CancellationToken, Task> read, string key, CancellationToken ct)
        {
            var path = new WritePath<string, WriteReceipt>(action,
                async (batch, c) => new[] { new WriteReceipt((await _client.CallAsync<EmptyResponse>(action, request, ApiCallKind.IdempotentWrite, _log, c).ConfigureAwait(false)).RequestId) },
                async (batch, c) =>
                {
                    try
                    {
                        await read(c).ConfigureAwait(false);
                        return new[] { ReadBack<WriteReceipt>.Absent };
                    }
                    catch (OrgApiException gone) when (gone.Code == notExistCode)
                    {
                        _log.Verbose(action + ": " + what + " is already gone after an unanswered earlier attempt; treating it as done.");
                        return new[] { ReadBack<WriteReceipt>.Applied(new WriteReceipt(null)) };
                    }
                })
            {
                IsRemove = true,
                Describe = _ => what,
            };
            return (await _writes.RunAsync(path, new[] { key }, ct).ConfigureAwait(false))[0];
        }

        private Task<OrgGroup> GroupAsync(string zoneId, string groupId, CancellationToken ct)
        {
            lock (_cacheLock)
            {
                if (!_groups.TryGetValue(groupId, out var task) || task.IsFaulted || task.IsCanceled)
                    _groups[groupId] = task = GetGroupAsync(zoneId, groupId, ct);
                return task;
            }
        }

        /// <summary>
        /// A SCIM-synchronized user or group is read-only while SCIM synchronization is enabled: refused here, before any
        /// write, with the code the service would give. With SCIM disabled the write goes on, with a warning (spec CIC §2).
        /// </summary>
        private async Task RequireWritableAsync(string zoneId, string? type, string what, string action, string code, CancellationToken ct)
        {
            if (!string.Equals(type, Synchronized, StringComparison.Ordinal)) return;
            string status = await GetScimStatusAsync(zoneId, ct).ConfigureAwait(false);
            if (string.Equals(status, "Disabled", StringComparison.Ordinal))
            {
                _log.Warning("The " + what + " is synchronized by SCIM; SCIM synchronization is disabled, so it is changed, but re-enabling SCIM may revert the change.");
                return;
            }
            // Enabled, or a status this module does not know: the conservative reading.
            throw new OrgApiException(action, code, "The " + what + " is synchronized by SCIM (SCIM synchronization: " + status
                + ") and is read-only; nothing was sent. Change it in the identity provider.", null);
        }

        internal static OrgUser ToUser(string zoneId, UserInfoItem u) => new OrgUser
        {
            ZoneId = zoneId, UserId = u.UserId, UserName = u.UserName, FirstName = u.FirstName, LastName = u.LastName, DisplayName = u.DisplayName,
            Email = u.Email, UserStatus = u.UserStatus, UserType = u.UserType, Description = u.Description, CreateTime = u.CreateTime,
            UpdateTime = u.UpdateTime, NeedResetPassword = u.NeedResetPassword,
        };

        private static OrgUser Copy(OrgUser u) => new OrgUser
        {
            ZoneId = u.ZoneId, UserId = u.UserId, UserName = u.UserName, FirstName = u.FirstName, LastName = u.LastName, DisplayName = u.DisplayName,
            Email = u.Email, UserStatus = u.UserStatus, UserType = u.UserType, Description = u.Description, CreateTime = u.CreateTime,
            UpdateTime = u.UpdateTime, NeedResetPassword = u.NeedResetPassword,
        };

        internal static OrgGroup ToGroup(string? zoneId, GroupItem g) => new OrgGroup
        {
            ZoneId = zoneId, GroupId = g.GroupId, GroupName = g.GroupName, GroupType = g.GroupType, Description = g.Description,
            MemberCount = g.MemberCount, CreateTime = g.CreateTime, UpdateTime = g.UpdateTime,
        };

        private static SecureString? ToSecure(string? text)
        {
            if (string.IsNullOrEmpty(text)) return null;
            var secure = new SecureString();
            foreach (char c in text!) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }
    }
}
