using System.Collections.Generic;
using System.Linq;
using TencentOrg.Services.Configuration;
using Xunit;

namespace TencentOrg.Tests.Configuration
{
    /// <summary>The configuration file: canonical writing (two exports diff cleanly) and strict reading (every fault named, before any request).</summary>
    public class ConfigurationFileTests
    {
        private static OrgConfiguration Sample(bool reversed)
        {
            var identities = new List<ConfigurationIdentity>
            {
                new ConfigurationIdentity { Name = "ops", IdentityId = 102, IdentityType = 2, Description = "Operators",
                    Policies = new[] { new IdentityPolicy { PolicyId = 5, PolicyName = "QcloudCVMFullAccess", PolicyType = 2 }, new IdentityPolicy { PolicyId = 2, PolicyName = "ReadOnlyAccess" } } },
                new ConfigurationIdentity { Name = "auditor", IdentityId = 101, IdentityType = 2, Description = "审计",
                    Policies = new[] { new IdentityPolicy { PolicyId = 0, PolicyName = "CustomPolicy0", PolicyType = 1, PolicyDocument = "{\"version\":\"2.0\"}" } } },
            };
            var grants = new List<ConfigurationMemberAuthIdentity>
            {
                new ConfigurationMemberAuthIdentity { Member = "b", MemberUin = 100000000002, Identity = "ops", IdentityId = 102 },
                new ConfigurationMemberAuthIdentity { Member = "a", MemberUin = 100000000001, Identity = "ops", IdentityId = 102 },
            };
            var assignments = new List<ConfigurationRoleAssignment>
            {
                new ConfigurationRoleAssignment { Principal = "g1", PrincipalId = "g-1", PrincipalType = "Group", RoleConfiguration = "Read", RoleConfigurationId = "rc-b", Target = "a", TargetType = "MemberUin", TargetUin = 100000000001 },
                new ConfigurationRoleAssignment { Principal = "u1", PrincipalId = "u-1", PrincipalType = "User", RoleConfiguration = "Admin", RoleConfigurationId = "rc-a", Target = "b", TargetType = "MemberUin", TargetUin = 100000000002 },
            };
            if (reversed)
            {
                identities.Reverse();
                grants.Reverse();
                assignments.Reverse();
            }
            return new OrgConfiguration { Identities = identities, MemberAuthIdentities = grants, RoleAssignments = assignments };
        }

        [Fact]
        public void Writing_is_canonical_sorted_keys_and_items_LF_no_BOM_final_newline()
        {
            string text = ConfigurationFile.Write(Sample(reversed: false));
            Assert.Equal(text, ConfigurationFile.Write(Sample(reversed: true)));
            Assert.DoesNotContain("\r", text);
            Assert.EndsWith("}\n", text);
            Assert.StartsWith("{\n  \"Identities\": [\n    {\n      \"Description\": \"审计\",", text);
            // Items sorted by their IDs; keys of each object in ordinal order.
            Assert.True(text.IndexOf("\"rc-a\"") < text.IndexOf("\"rc-b\""));
            Assert.True(text.IndexOf("\"Member\": \"a\"") < text.IndexOf("\"Member\": \"b\""));
            Assert.Contains("\"Principal\": \"g1\",\n      \"PrincipalId\": \"g-1\",\n      \"PrincipalType\": \"Group\",\n      \"RoleConfiguration\": \"Read\"", text);
            // Preset policies before custom ones, by ID; a custom policy's PolicyId 0 is not an ID and is left out.
            Assert.True(text.IndexOf("\"PolicyId\": 2") < text.IndexOf("\"PolicyId\": 5"));
            Assert.DoesNotContain("\"PolicyId\": 0", text);
            Assert.EndsWith("\"SchemaVersion\": 1\n}\n", text);
        }

        [Fact]
        public void A_written_file_reads_back_to_the_same_text()
        {
            string text = ConfigurationFile.Write(Sample(reversed: false));
            Assert.Equal(text, ConfigurationFile.Write(ConfigurationFile.Read(text)));
        }

        [Fact]
        public void Missing_sections_stay_unmanaged_and_an_empty_one_is_managed()
        {
            var configuration = ConfigurationFile.Read("{ \"SchemaVersion\": 1, \"RoleAssignments\": [] }");
            Assert.Null(configuration.Identities);
            Assert.Null(configuration.MemberAuthIdentities);
            Assert.NotNull(configuration.RoleAssignments);
            Assert.False(configuration.Has(ConfigurationSection.Identities));
            Assert.True(configuration.Has(ConfigurationSection.RoleAssignments));
        }

        [Fact]
        public void Reading_accepts_comments_and_names_without_IDs_and_refuses_other_key_cases()
        {
            var configuration = ConfigurationFile.Read(@"{
  // nightly baseline
  ""SchemaVersion"": 1,
  ""RoleAssignments"": [ { ""Principal"": ""ops"", ""PrincipalType"": ""Group"", ""RoleConfiguration"": ""ReadOnlyAccess"", ""Target"": ""acme-prod"" } ],
}");
            var a = Assert.Single(configuration.RoleAssignments!);
            Assert.Equal("ops", a.Principal);
            Assert.Null(a.PrincipalId);

            var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(@"{ ""schemaversion"": 1,
  ""RoleAssignments"": [ { ""principal"": ""ops"", ""PrincipalType"": ""Group"", ""RoleConfiguration"": ""ReadOnlyAccess"", ""Target"": ""acme-prod"" } ] }"));
            Assert.Equal(new[]
            {
                "schemaversion: the key \"schemaversion\" differs only in case from \"SchemaVersion\"; write \"SchemaVersion\".",
                "RoleAssignments[0].principal: the key \"principal\" differs only in case from \"Principal\"; write \"Principal\".",
            }, error.Problems);
        }

        [Theory]
        [InlineData(@"{ ""SchemaVersion"": 1, ""RoleAssignments"": [], ""RoleAssignments"": [] }",
            "RoleAssignments: the key \"RoleAssignments\" appears 2 times in the top level; a file must give each key once.")]
        [InlineData(@"{ ""SchemaVersion"": 1, ""RoleAssignments"": [], ""roleassignments"": [] }",
            "RoleAssignments: the keys \"RoleAssignments\", \"roleassignments\" in the top level differ only in case; a file must give each key once, spelled \"RoleAssignments\".")]
        [InlineData(@"{ ""SchemaVersion"": 1, ""RoleAssignments"": [ { ""PrincipalId"": ""g-a1"", ""RoleConfigurationId"": ""rc-a1"", ""TargetUin"": 100000000001, ""TargetUin"": 100000000002 } ] }",
            "RoleAssignments[0].TargetUin: the key \"TargetUin\" appears 2 times in RoleAssignments[0]; a file must give each key once.")]
        [InlineData(@"{ ""SchemaVersion"": 1, ""Identities"": [ { ""Name"": ""a"", ""Policies"": [ { ""PolicyId"": 1, ""PolicyName"": ""x"", ""policyname"": ""y"" } ] } ] }",
            "Identities[0].Policies[0].PolicyName: the keys \"PolicyName\", \"policyname\" in Identities[0].Policies[0] differ only in case; a file must give each key once, spelled \"PolicyName\".")]
        [InlineData(@"{ ""SchemaVersion"": 1, ""PruneScope"": { ""Principals"": [""g-a1""], ""Principals"": [""g-a2""] }, ""RoleAssignments"": [] }",
            "PruneScope.Principals: the key \"Principals\" appears 2 times in PruneScope; a file must give each key once.")]
        [InlineData(@"{ ""SchemaVersion"": 1, ""SchemaVersion"": 1 }",
            "SchemaVersion: the key \"SchemaVersion\" appears 2 times in the top level; a file must give each key once.")]
        public void A_repeated_key_or_case_variant_at_any_level_is_refused_naming_the_key_and_its_path(string json, string problem)
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(json));
            Assert.Equal("InvalidConfigurationFile", error.ErrorId);
            Assert.Contains(problem, error.Problems);
        }

        [Theory]
        [InlineData(@"""all""", "PruneScope: 'all' is not a scope")]
        [InlineData(@"[""All""]", "PruneScope: must be \"All\" or an object, not array")]
        [InlineData(@"{}", "PruneScope: the object is empty")]
        [InlineData(@"{ ""Principals"": [] }", "PruneScope.Principals: is empty")]
        [InlineData(@"{ ""Principals"": ""g-a1"" }", "PruneScope.Principals: must be an array of IDs or names.")]
        [InlineData(@"{ ""Teams"": [""g-a1""] }", "PruneScope.Teams: unknown property")]
        [InlineData(@"{ ""Targets"": [0] }", "PruneScope.Targets[0]: must be an ID or a name (got 0).")]
        public void A_bad_PruneScope_is_refused(string scope, string problem)
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(@"{ ""SchemaVersion"": 1, ""PruneScope"": " + scope + @", ""RoleAssignments"": [] }"));
            Assert.Contains(error.Problems, p => p.StartsWith(problem, System.StringComparison.Ordinal));
        }

        [Fact]
        public void PruneScope_reads_and_writes_canonically()
        {
            var all = ConfigurationFile.Read(@"{ ""SchemaVersion"": 1, ""PruneScope"": ""All"", ""RoleAssignments"": [] }");
            Assert.True(all.PruneScope!.All);
            Assert.Equal("{\n  \"PruneScope\": \"All\",\n  \"RoleAssignments\": [],\n  \"SchemaVersion\": 1\n}\n", ConfigurationFile.Write(all));
            string text = ConfigurationFile.Write(ConfigurationFile.Read(
                @"{ ""SchemaVersion"": 1, ""PruneScope"": { ""Targets"": [""100000000002"", 100000000001], ""Principals"": [""ops"", ""g-a1""] }, ""RoleAssignments"": [] }"));
            Assert.Contains("\"PruneScope\": {\n    \"Principals\": [\n      \"ops\",\n      \"g-a1\"\n    ],\n    \"Targets\": [\n      100000000001,\n      100000000002\n    ]\n  }", text);
            Assert.Equal(text, ConfigurationFile.Write(ConfigurationFile.Read(text)));
        }

        [Fact]
        public void Every_problem_is_named_with_its_place()
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(@"{
  ""SchemaVersion"": 1,
  ""Identities"": [ { ""Name"": ""ops"" }, { ""Name"": ""ops"" }, { ""Description"": ""no name"" } ],
  ""MemberAuthIdentities"": [ { ""MemberUin"": ""100000000001"", ""IdentityId"": 1 } ],
  ""RoleAssignments"": [
    { ""Principal"": ""ops"", ""RoleConfigurationId"": ""cfg-1"", ""TargetUin"": 100000000001 },
    { ""PrincipalId"": ""u-abc"", ""PrincipalType"": ""Group"", ""RoleConfigurationId"": ""rc-abc"", ""TargetUin"": 100000000001, ""TargetType"": ""Folder"" },
    { ""Principle"": ""typo"" }
  ]
}"));
            Assert.Equal("InvalidConfigurationFile", error.ErrorId);
            // The shape errors are all reported in one go (a later pass checks references).
            Assert.Contains(error.Problems, p => p.StartsWith("MemberAuthIdentities[0].MemberUin: must be a whole number"));
            Assert.Contains(error.Problems, p => p.StartsWith("RoleAssignments[2].Principle: unknown property"));

            var references = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(@"{
  ""SchemaVersion"": 1,
  ""Identities"": [ { ""Name"": ""ops"" }, { ""Name"": ""ops"" }, { ""Description"": ""no name"" } ],
  ""RoleAssignments"": [
    { ""Principal"": ""ops"", ""RoleConfigurationId"": ""cfg-1"", ""TargetUin"": 100000000001 },
    { ""PrincipalId"": ""u-abc"", ""PrincipalType"": ""Group"", ""RoleConfigurationId"": ""rc-abc"", ""TargetUin"": 100000000001, ""TargetType"": ""Folder"" }
  ]
}"));
            var problems = references.Problems;
            Assert.Contains("Identities[2].Name: required (an identity is matched by its name).", problems);
            Assert.Contains("Identities: the name 'ops' appears 2 times.", problems);
            Assert.Contains("RoleAssignments[0].RoleConfigurationId: 'cfg-1' is not a permission configuration ID (rc-...).", problems);
            Assert.Contains("RoleAssignments[0].PrincipalType: required with a Principal name (User or Group).", problems);
            Assert.Contains("RoleAssignments[1].TargetType: 'Folder' must be MemberUin or ManagerUin.", problems);
            Assert.Contains("RoleAssignments[1]: PrincipalType Group does not match PrincipalId u-abc (u- is a User, g- a Group).", problems);
            Assert.Equal(6, problems.Count);
        }

        [Fact]
        public void The_schema_in_docs_describes_every_key_the_writer_writes_and_requires_the_version()
        {
            var schema = System.Text.Json.Nodes.JsonNode.Parse(System.IO.File.ReadAllText(System.IO.Path.Combine(Infrastructure.TestSetup.RepoRoot, "docs", "configuration-schema.json")))!;
            var written = System.Text.Json.Nodes.JsonNode.Parse(ConfigurationFile.Write(Sample(reversed: false)))!.AsObject();
            static IEnumerable<string> Keys(System.Text.Json.Nodes.JsonNode node) => node["properties"]!.AsObject().Select(p => p.Key);

            Assert.Contains("SchemaVersion", schema["required"]!.AsArray().Select(n => (string)n!));
            Assert.Empty(written.Select(p => p.Key).Except(Keys(schema)));
            var sections = new Dictionary<string, string> { ["Identities"] = "Identity", ["MemberAuthIdentities"] = "MemberAuthIdentity", ["RoleAssignments"] = "RoleAssignment" };
            foreach (var section in sections)
            {
                var allowed = Keys(schema["$defs"]![section.Value]!).ToList();
                foreach (var entry in written[section.Key]!.AsArray())
                    Assert.Empty(entry!.AsObject().Select(p => p.Key).Except(allowed));
            }
            var policyKeys = Keys(schema["$defs"]!["Policy"]!).ToList();
            foreach (var identity in written["Identities"]!.AsArray())
                foreach (var policy in identity!["Policies"]!.AsArray())
                    Assert.Empty(policy!.AsObject().Select(p => p.Key).Except(policyKeys));
        }

        [Theory]
        [InlineData("[]", "the top level must be a JSON object.")]
        [InlineData("{ \"RoleAssignments\": [] }", "SchemaVersion: missing")]
        [InlineData("{ \"SchemaVersion\": 2 }", "SchemaVersion: 2 is not supported")]
        [InlineData("{ \"SchemaVersion\": 1, \"Identities\": {} }", "Identities: must be an array.")]
        [InlineData("{ \"SchemaVersion\": 1, ", "is not valid JSON")]
        public void Unusable_files_are_rejected(string json, string message)
        {
            var error = Assert.Throws<ConfigurationException>(() => ConfigurationFile.Read(json, "f.json"));
            Assert.Contains(message, error.Message);
        }
    }
}
