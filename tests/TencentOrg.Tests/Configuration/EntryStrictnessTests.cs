using TencentOrg.Services.Configuration;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>
    /// The zone sections (Users, Groups, RoleConfigurations and their Policies) are read as strictly as the rest of the
    /// file: one entry reader serves every section, so a repeated key, a case variant, an unknown key or a wrong type in
    /// any of them is refused naming the key and its path, and the known keys are listed in their table's order.
    /// </summary>
    public class EntryStrictnessTests
    {
        [Theory]
        [InlineData(@"""Users"": [ { ""userName"": ""alice"" } ]",
            "Users[0].userName: the key \"userName\" differs only in case from \"UserName\"; write \"UserName\".")]
        [InlineData(@"""Groups"": [ { ""GroupName"": ""ops"", ""GroupName"": ""dev"" } ]",
            "Groups[0].GroupName: the key \"GroupName\" appears 2 times in Groups[0]; a file must give each key once.")]
        [InlineData(@"""RoleConfigurations"": [ { ""RoleConfigurationName"": ""ops"", ""sessionDuration"": 3600 } ]",
            "RoleConfigurations[0].sessionDuration: the key \"sessionDuration\" differs only in case from \"SessionDuration\"; write \"SessionDuration\".")]
        [InlineData(@"""RoleConfigurations"": [ { ""RoleConfigurationName"": ""ops"", ""Policies"": [ { ""RolePolicyType"": ""System"", ""RolePolicyName"": ""a"", ""rolePolicyName"": ""b"" } ] } ]",
            "RoleConfigurations[0].Policies[0].RolePolicyName: the keys \"RolePolicyName\", \"rolePolicyName\" in RoleConfigurations[0].Policies[0] differ only in case; a file must give each key once, spelled \"RolePolicyName\".")]
        [InlineData(@"""Users"": [ { ""UserName"": ""alice"", ""Nickname"": ""al"" } ]",
            "Users[0].Nickname: unknown property (expected UserName, UserId, UserType, DisplayName, FirstName, LastName, Email, Description, UserStatus).")]
        [InlineData(@"""Groups"": [ { ""GroupName"": ""ops"", ""Owner"": ""alice"" } ]",
            "Groups[0].Owner: unknown property (expected GroupName, GroupId, GroupType, Description, Members).")]
        [InlineData(@"""RoleConfigurations"": [ { ""RoleConfigurationName"": ""ops"", ""Policies"": [ { ""RolePolicyType"": ""System"", ""Arn"": ""x"" } ] } ]",
            "RoleConfigurations[0].Policies[0].Arn: unknown property (expected RolePolicyType, RolePolicyId, RolePolicyName, RolePolicyDocument).")]
        [InlineData(@"""Identities"": [ { ""Name"": ""ops"", ""Policies"": [ { ""PolicyId"": 1, ""Arn"": ""x"" } ], ""Owner"": ""a"" } ]",
            "Identities[0].Policies[0].Arn: unknown property (expected PolicyId, PolicyName, PolicyType, PolicyDocument).")]
        [InlineData(@"""Identities"": [ { ""Name"": ""ops"", ""Owner"": ""a"" } ]",
            "Identities[0].Owner: unknown property (expected Name, IdentityId, IdentityType, Description, Policies).")]
        [InlineData(@"""MemberAuthIdentities"": [ { ""Member"": ""m"", ""Owner"": ""a"" } ]",
            "MemberAuthIdentities[0].Owner: unknown property (expected Member, MemberUin, Identity, IdentityId).")]
        [InlineData(@"""RoleAssignments"": [ { ""Principal"": ""ops"", ""Owner"": ""a"" } ]",
            "RoleAssignments[0].Owner: unknown property (expected Principal, PrincipalId, PrincipalType, RoleConfiguration, RoleConfigurationId, Target, TargetType, TargetUin).")]
        [InlineData(@"""Users"": [ { ""UserName"": ""alice"", ""Email"": 7 } ]", "Users[0].Email: must be a string.")]
        [InlineData(@"""RoleConfigurations"": [ { ""RoleConfigurationName"": ""ops"", ""SessionDuration"": ""3600"" } ]",
            "RoleConfigurations[0].SessionDuration: must be a whole number (got \"3600\").")]
        [InlineData(@"""Groups"": [ { ""GroupName"": ""ops"", ""Members"": ""alice"" } ]", "Groups[0].Members: must be an array of user names or u- IDs.")]
        [InlineData(@"""RoleConfigurations"": [ { ""RoleConfigurationName"": ""ops"", ""Policies"": [ 5 ] } ]", "RoleConfigurations[0].Policies[0]: must be an object.")]
        [InlineData(@"""Groups"": [ { ""GroupName"": ""ops"", ""Members"": [ ""alice"", 5 ] } ]", "Groups[0].Members[1]: must be a user name or a u- ID (got 5).")]
        [InlineData(@"""Users"": 5", "Users: must be an array.")]
        [InlineData(@"""PruneScope"": {}",
            "PruneScope: the object is empty (write \"PruneScope\": \"All\", or an object with any of Principals, Targets, RoleConfigurations, Identities, Members, Users, Groups).")]
        public void A_bad_key_or_value_in_any_section_is_refused_naming_it_and_its_path(string section, string problem)
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(@"{ ""SchemaVersion"": 1, " + section + " }"));
            Assert.Equal("InvalidConfigurationFile", error.ErrorId);
            Assert.Contains(problem, error.Problems);
        }
    }
}
