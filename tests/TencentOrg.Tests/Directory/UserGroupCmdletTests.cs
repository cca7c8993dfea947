using System;
using System.Linq;
using System.Text.Json;
using TencentOrg.Emulator;
using Xunit;

// Not "TencentOrg.Tests.Directory": that name would hide System.IO.Directory in every test namespace.
namespace TencentOrg.Tests.DirectoryDomain
{
    /// <summary>
    /// New-/Set-/Remove-TcOrgUser, Get-TcOrgUser -UserId, New-/Set-/Remove-TcOrgGroup, Get-/Add-/Remove-TcOrgGroupMember on the
    /// emulator through the module's manifest.
    /// </summary>
    public class UserGroupCmdletTests : Module.CmdletTestBase
    {
        protected override string ConnectArguments => base.ConnectArguments + " -TimeoutSec 5";

        private int Users(string name) => Emulator.State.Users.Count(u => u.UserName == name);

        private string UserIdOf(string name) => Emulator.State.Users.Single(u => u.UserName == name).UserId;

        private string[] MembersOf(string groupId) => Emulator.State.Groups.Single(g => g.GroupId == groupId).UserIds.ToArray();

        [Fact]
        public void New_user_emits_a_typed_user_whose_password_is_a_SecureString_and_nowhere_else()
        {
            var result = Run("$u = New-TcOrgUser -UserName jane.doe -Email jane@corp.example -DisplayName 'Jane Doe' -NeedResetPassword -Debug -Verbose; $u")
                .AssertSuccess();
            var user = result.Output.Single();
            Assert.Equal("TencentOrg.OrgUser", user.TypeNames[0]);
            Assert.Matches("^u-[a-z0-9]{12}$", (string)Prop(user, "UserId")!);
            Assert.Equal(true, Prop(user, "NeedResetPassword"));
            Assert.IsType<System.Security.SecureString>(Prop(user, "InitialPassword"));
            string password = (string)Run("[System.Net.NetworkCredential]::new('', $u.InitialPassword).Password").AssertSuccess().Output.Single().BaseObject;
            Assert.True(password.Length >= 8);

            // The trace shows the answer, with the password redacted; no stream shows the password itself.
            Assert.Contains(result.Debug, d => d.Contains("\"Password\":\"<redacted>\""));
            Assert.DoesNotContain(password, result.AllText());
            Assert.DoesNotContain(password, result.HostText);

            // Nor does the default view, which fits 80 columns.
            var view = Run("$u | Out-Default").AssertSuccess().HostText;
            Assert.Contains("jane.doe", view);
            Assert.DoesNotContain(password, view);
            Assert.All(view.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
        }

        [Fact]
        public void Set_user_sends_only_what_differs_and_enables_or_disables()
        {
            var changed = Run("Set-TcOrgUser -UserId u-emuuser00003 -Description 'On call' -UserStatus Disabled -PassThru").AssertSuccess();
            Assert.Equal("Disabled", Prop(changed.Output.Single(), "UserStatus"));
            Assert.Equal("On call", Prop(changed.Output.Single(), "Description"));
            var user = Emulator.State.Users.Single(u => u.UserId == "u-emuuser00003");
            Assert.Equal(("On call", "Disabled"), (user.Description, user.UserStatus));
            var update = JsonDocument.Parse(Assert.Single(Sent("UpdateUser")).Body).RootElement;
            Assert.Equal(new[] { "NewDescription", "UserId", "ZoneId" }, update.EnumerateObject().Select(p => p.Name).OrderBy(n => n, StringComparer.Ordinal));
            Assert.Single(Sent("UpdateUserStatus"));

            // The same again: read, compared, nothing sent. Then enable through the pipeline.
            Run("Set-TcOrgUser -UserId u-emuuser00003 -Description 'On call' -UserStatus Disabled").AssertSuccess();
            Assert.Single(Sent("UpdateUser"));
            Assert.Single(Sent("UpdateUserStatus"));
            Run("Get-TcOrgUser -UserId u-emuuser00003 | Set-TcOrgUser -UserStatus Enabled").AssertSuccess();
            Assert.Equal("Enabled", Emulator.State.Users.Single(u => u.UserId == "u-emuuser00003").UserStatus);
            Assert.Single(Sent("UpdateUser"));

            // Many users piped at once, in flight side by side: each call carries its own user's values.
            Run("Get-TcOrgUser -Filter user0001 | Set-TcOrgUser -UserStatus Disabled").AssertSuccess();
            Assert.Equal(10, Emulator.State.Users.Count(u => u.UserName.StartsWith("user0001") && u.UserStatus == "Disabled"));
            Assert.Single(Sent("UpdateUser"));
        }

        [Fact]
        public void Get_user_by_id_reads_one_user_and_an_unknown_id_is_an_error_for_that_id_only()
        {
            var result = Run("Get-TcOrgUser -UserId u-emuuser00002, u-nosuchuser00, u-emuuser00004");
            Assert.Equal(new object?[] { "user00002", "user00004" }, result.Output.Select(o => Prop(o, "UserName")).ToArray());
            Assert.Equal("u-nosuchuser00", SingleError(result, "ResourceNotFound.UserNotExist", "GetTcOrgUserCommand").TargetObject);
            Assert.Equal(3, SentCount("GetUser"));
            Assert.Equal(0, SentCount("ListUsers"));
        }

        [Fact]
        public void Remove_user_refused_while_in_a_group_then_deleted_with_Force_and_WhatIf_sends_nothing()
        {
            Run("Remove-TcOrgUser -UserId u-emuuser00001 -WhatIf").AssertSuccess();
            Assert.Equal(0, SentCount("DeleteUser"));

            // Nothing cascades: the user is in g-emugroup0001.
            var refused = Run("Remove-TcOrgUser -UserId u-emuuser00001 -Force");
            var error = SingleError(refused, "InvalidParameter.UserAlreadyExistsGroup", "RemoveTcOrgUserCommand");
            Assert.Contains("Remove-TcOrgGroupMember", error.ErrorDetails.RecommendedAction);

            Run("Remove-TcOrgGroupMember -GroupId g-emugroup0001 -UserId u-emuuser00001 -Force").AssertSuccess();
            Run("Get-TcOrgUser -UserId u-emuuser00001 | Remove-TcOrgUser -Force").AssertSuccess();
            Assert.DoesNotContain(Emulator.State.Users, u => u.UserId == "u-emuuser00001");
        }

        [Fact]
        public void Groups_created_renamed_described_and_removed_only_once_empty()
        {
            var created = Run("New-TcOrgGroup -Name platform-team -Description 'Platform'").AssertSuccess().Output.Single();
            Assert.Equal("TencentOrg.OrgGroup", created.TypeNames[0]);
            string groupId = (string)Prop(created, "GroupId")!;
            Assert.Equal(0L, Prop(created, "MemberCount"));

            var renamed = Run("Set-TcOrgGroup -GroupId " + groupId + " -NewName platform -Description 'Platform engineering' -PassThru").AssertSuccess().Output.Single();
            Assert.Equal(("platform", "Platform engineering"), ((string)Prop(renamed, "GroupName")!, (string)Prop(renamed, "Description")!));
            Assert.Equal(groupId, Prop(renamed, "GroupId"));

            var added = Run("Get-TcOrgUser -Filter user0000 | Add-TcOrgGroupMember -GroupId " + groupId).AssertSuccess();
            Assert.Equal(9, added.Output.Count);
            Assert.All(added.Output, o => Assert.Equal("Added", Prop(o, "Outcome")));

            var refused = Run("Remove-TcOrgGroup -GroupId " + groupId + " -Force");
            SingleError(refused, "FailedOperation.DeleteGroupNotAllowExistUser", "RemoveTcOrgGroupCommand");

            Run("Get-TcOrgGroupMember -GroupId " + groupId + " | Remove-TcOrgGroupMember -Force").AssertSuccess();
            Assert.Empty(MembersOf(groupId));
            Run("Get-TcOrgGroup -Filter 'GroupName eq platform' | Remove-TcOrgGroup -Force").AssertSuccess();
            Assert.DoesNotContain(Emulator.State.Groups, g => g.GroupId == groupId);
        }

        [Fact]
        public void Invalid_group_name_is_refused_before_any_request_and_the_other_names_go_on()
        {
            AssertRejected(Run("New-TcOrgGroup -Name ops_team"), "is not a valid CIC group name");
            var result = Run("'dev-ops', 'Domain Admins', 'sre' | ForEach-Object { [pscustomobject]@{ Name = $_ } } | New-TcOrgGroup");
            Assert.Equal(new object?[] { "dev-ops", "sre" }, result.Output.Select(o => Prop(o, "GroupName")).ToArray());
            var error = Assert.Single(result.Errors);
            Assert.Contains("Domain Admins", error.Exception.Message);
            Assert.Equal(2, SentCount("CreateGroup"));

            var rename = Run("Set-TcOrgGroup -GroupId g-emugroup0001 -NewName 'a.b'");
            var record = rename.Terminating is System.Management.Automation.IContainsErrorRecord c ? c.ErrorRecord : Assert.Single(rename.Errors);
            Assert.StartsWith("ParameterArgumentValidationError", record.FullyQualifiedErrorId);
            Assert.Equal(0, SentCount("UpdateGroup") + SentCount("GetGroup"));
        }

        [Fact]
        public void Duplicate_user_names_are_refused_before_any_write()
        {
            AssertRejected(Run("New-TcOrgUser -UserName 'has space'"), "is not a valid CIC user name");
            var result = Run("[pscustomobject]@{ UserName = 'sam' }, [pscustomobject]@{ UserName = 'SAM' }, [pscustomobject]@{ UserName = 'user00001' } | New-TcOrgUser");
            Assert.Equal(new object?[] { "sam" }, result.Output.Select(o => Prop(o, "UserName")).ToArray());
            // The repeat in the input is refused before it is sent; the name already in the zone is refused by the service.
            Assert.Equal(2, result.Errors.Count);
            Assert.Equal("InvalidArgument,TencentOrg.NewTcOrgUserCommand", result.Errors[0].FullyQualifiedErrorId);
            Assert.Contains("'SAM'", result.Errors[0].Exception.Message);
            Assert.Equal("InvalidParameter.UsernameAlreadyExists,TencentOrg.NewTcOrgUserCommand", result.Errors[1].FullyQualifiedErrorId);
            Assert.Equal(2, SentCount("CreateUser"));
            Assert.Equal(1, Users("sam"));
        }

        [Fact]
        public void A_lost_CreateUser_answer_creates_exactly_one_user()
        {
            // The server applies the create, then the connection drops: the name is read back, nothing is resent.
            Emulator.Faults.Add(new FaultRule { Action = "CreateUser", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Count = 1 });
            var result = Run("New-TcOrgUser -UserName lost.answer -Email lost@corp.example").AssertSuccess();
            Assert.Equal(1, Users("lost.answer"));
            Assert.Equal(UserIdOf("lost.answer"), Prop(result.Output.Single(), "UserId"));
            Assert.Null(Prop(result.Output.Single(), "InitialPassword"));
            Assert.Contains(result.Warnings, w => w.Contains("initial password cannot be read again"));
            Assert.Single(Sent("CreateUser"));

            // Dropped before the server saw it: the read-back finds nothing, so it is sent again, once.
            Emulator.Faults.Add(new FaultRule { Action = "CreateUser", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.BeforeHandling, Count = 1 });
            Run("New-TcOrgUser -UserName never.arrived").AssertSuccess();
            Assert.Equal(1, Users("never.arrived"));
            Assert.Equal(3, SentCount("CreateUser"));
        }

        [Fact]
        public void Already_a_member_and_not_a_member_settle_as_success()
        {
            var add = Run("Add-TcOrgGroupMember -GroupId g-emugroup0002 -UserId u-emuuser00002, u-emuuser00003").AssertSuccess();
            Assert.Equal(new object?[] { "AlreadyMember", "Added" }, add.Output.Select(o => Prop(o, "Outcome")).ToArray());
            var remove = Run("Remove-TcOrgGroupMember -GroupId g-emugroup0002 -UserId u-emuuser00003, u-emuuser00004 -Force -PassThru").AssertSuccess();
            Assert.Equal(new object?[] { "Removed", "NotMember" }, remove.Output.Select(o => Prop(o, "Outcome")).ToArray());
            Assert.DoesNotContain("u-emuuser00003", MembersOf("g-emugroup0002"));

            // A lost answer to an applied add: read back, one membership, no error.
            Emulator.Faults.Add(new FaultRule { Action = "AddUserToGroup", Kind = FaultKind.ConnectionReset, Phase = FaultPhase.AfterHandling, Count = 1 });
            Run("Add-TcOrgGroupMember -GroupId g-emugroup0002 -UserId u-emuuser00005").AssertSuccess();
            Assert.Single(MembersOf("g-emugroup0002"), u => u == "u-emuuser00005");
        }

        [Fact]
        public void Membership_calls_carry_one_user_each_and_run_side_by_side()
        {
            Emulator.Faults.Add(new FaultRule { Action = "AddUserToGroup", Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(400) });
            var result = Run("Get-TcOrgUser -First 8 | Add-TcOrgGroupMember -GroupId g-emugroup0003").AssertSuccess();
            Assert.Equal(8, result.Output.Count);
            var adds = Sent("AddUserToGroup").OrderBy(r => r.Time).ToList();
            Assert.Equal(8, adds.Count);
            Assert.All(adds, r => Assert.Equal(JsonValueKind.String, JsonDocument.Parse(r.Body).RootElement.GetProperty("UserId").ValueKind));
            // One at a time, each would start at least 400 ms after the one before; side by side, some start together.
            Assert.Contains(adds.Zip(adds.Skip(1)), pair => (pair.Second.Time - pair.First.Time) < TimeSpan.FromMilliseconds(300));
        }

        [Fact]
        public void Group_members_listed_with_paging_and_a_table_that_fits_80_columns()
        {
            var members = Run("Get-TcOrgGroupMember -GroupId g-emugroup0001").AssertSuccess();
            Assert.Equal(MembersOf("g-emugroup0001"), members.Output.Select(o => (string)Prop(o, "UserId")!).ToArray());
            Assert.All(members.Output, o => Assert.Equal("TencentOrg.OrgGroupMember", o.TypeNames[0]));
            Assert.Equal(2, Run("Get-TcOrgGroupMember -GroupId g-emugroup0001 -First 2").AssertSuccess().Output.Count);
            var text = Run("Get-TcOrgGroupMember -GroupId g-emugroup0001 | Out-Default").AssertSuccess().HostText;
            Assert.Contains("GroupId: g-emugroup0001", text);
            Assert.Contains("JoinTime", text);
            Assert.All(text.Split('\n'), line => Assert.True(line.TrimEnd().Length <= 80, line));
            SingleError(Run("Get-TcOrgGroupMember -GroupId g-nosuchgroup00"), "InvalidParameter.GroupNotExist", "GetTcOrgGroupMemberCommand");
        }
    }

    /// <summary>SCIM synchronization on: synchronized users and groups are refused before any write.</summary>
    public class ScimReadOnlyCmdletTests : Module.CmdletTestBase
    {
        protected override void Configure(EmulatorOptions options)
        {
            base.Configure(options);
            options.SeedFile = SeedFile(new
            {
                Zone = new { ZoneId = Zone, ServiceStatus = "Enabled", ScimSyncStatus = "Enabled" },
                Users = new object[]
                {
                    new { UserId = "u-scimuser0001", UserName = "scim.user", UserType = "Synchronized" },
                    new { UserId = "u-manualuser01", UserName = "manual.user" },
                },
                Groups = new object[] { new { GroupId = "g-scimgroup001", GroupName = "idp-admins", GroupType = "Synchronized", UserIds = new[] { "u-scimuser0001" } } },
            });
        }

        [Fact]
        public void A_SCIM_synchronized_user_edit_is_refused_before_any_write()
        {
            var result = Run("Set-TcOrgUser -UserId u-scimuser0001 -Description 'edited' -UserStatus Disabled");
            var error = SingleError(result, "FailedOperation.SynchronizedUserNotUpdate", "SetTcOrgUserCommand");
            Assert.Contains("nothing was sent", error.Exception.Message);
            Assert.Equal(0, SentCount("UpdateUser") + SentCount("UpdateUserStatus"));

            SingleError(Run("Remove-TcOrgUser -UserId u-scimuser0001 -Force"), "FailedOperation.SynchronizedUserNotDelete", "RemoveTcOrgUserCommand");
            SingleError(Run("Add-TcOrgGroupMember -GroupId g-scimgroup001 -UserId u-manualuser01"), "FailedOperation.SynchronizedGroupNotAddUser", "AddTcOrgGroupMemberCommand");
            SingleError(Run("Set-TcOrgGroup -GroupId g-scimgroup001 -Description x"), "FailedOperation.SynchronizedGroupNotUpdate", "SetTcOrgGroupCommand");
            Assert.Equal(0, SentCount("DeleteUser") + SentCount("AddUserToGroup") + SentCount("UpdateGroup"));

            // A manual user in the same zone is edited as usual.
            Run("Set-TcOrgUser -UserId u-manualuser01 -Description 'edited'").AssertSuccess();
            Assert.Equal("edited", Emulator.State.Users.Single(u => u.UserId == "u-manualuser01").Description);
        }
    }
}
