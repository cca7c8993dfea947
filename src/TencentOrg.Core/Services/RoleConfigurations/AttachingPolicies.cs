using System.Collections.Generic;

namespace TencentOrg.Services
{
    /// <summary>
    /// The policies Add-TcRoleConfigurationPolicy attaches (AddPermissionPolicyToRoleConfiguration): CAM system policies by
    /// ID or name, the custom policy by name and document, or policies listed elsewhere; and why one cannot be attached.
    /// </summary>
    internal static class AttachingPolicies
    {
        public static RoleConfigurationPolicy SystemById(long id) =>
            new RoleConfigurationPolicy { RolePolicyType = RoleConfigurationPolicy.SystemType, RolePolicyId = id };

        public static RoleConfigurationPolicy SystemByName(string name) =>
            new RoleConfigurationPolicy { RolePolicyType = RoleConfigurationPolicy.SystemType, RolePolicyName = name };

        public static RoleConfigurationPolicy Custom(string name, string document) =>
            new RoleConfigurationPolicy { RolePolicyType = RoleConfigurationPolicy.CustomType, RolePolicyName = name, RolePolicyDocument = document };

        /// <summary>Only what attaching needs: a piped policy also carries its old configuration, zone and AddTime.</summary>
        public static RoleConfigurationPolicy? FromListed(RoleConfigurationPolicy? listed) => listed == null ? null : new RoleConfigurationPolicy
        {
            RolePolicyType = listed.RolePolicyType, RolePolicyId = listed.IsCustom ? null : listed.RolePolicyId, RolePolicyName = listed.RolePolicyName,
            RolePolicyDocument = listed.IsCustom ? listed.RolePolicyDocument : null,
        };

        /// <summary>Why the policy cannot be attached: <see cref="RoleConfigurationRules.PolicyProblem"/>, or given twice (<paramref name="given"/>: the ones before).</summary>
        public static string? Problem(RoleConfigurationPolicy? policy, ISet<string> given) =>
            RoleConfigurationRules.PolicyProblem(policy, attaching: true) ?? (given.Add(policy!.ToString()) ? null : "The policy " + policy + " is given twice.");
    }
}
