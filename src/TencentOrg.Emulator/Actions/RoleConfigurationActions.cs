using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace TencentOrg.Emulator.Actions;

/// <summary>
/// Permission configurations and their policies (CIC spec §4): create, update, delete (no cascade), attach and detach
/// system and custom policies, list them (unpaged), replace a custom document. A policy change marks the configuration's
/// deployments DeployedRequired (§6).
/// </summary>
public static class RoleConfigurationActions
{
    /// <summary>Matches GetZoneStatistics' RoleConfigurationQuota.</summary>
    public const int ConfigurationQuota = 500;
    public const int SystemPolicyQuota = 20;
    public const int CustomPolicyQuota = 1;
    public const int MaxPolicyNameLength = 32;
    public const int MaxDocumentLength = 4096;
    public const int MaxDescriptionLength = 1024;

    private static readonly Regex NamePattern = new("^[A-Za-z0-9-]{1,128}$", RegexOptions.CultureInvariant);
    // UNCONFIRMED (spec §4.1): "a Tencent Cloud console page"; the emulator accepts https on the two console hosts.
    private static readonly Regex RelayStatePattern = new(@"^https://console\.(cloud\.tencent|tencentcloud)\.com(/\S*)?$", RegexOptions.CultureInvariant);

    public static JsonObject CreateRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        string name = p.String("RoleConfigurationName")!;
        if (!NamePattern.IsMatch(name))
            throw new ApiException("InvalidParameter.ConfigurationNameFormatError",
                "The permission configuration name must be 1-128 English letters, digits and hyphens.");
        // Case sensitivity of uniqueness is UNCONFIRMED (spec §13.2): the emulator refuses a case variant, the stricter reading.
        if (state.RoleConfigurationList.Any(c => string.Equals(c.RoleConfigurationName, name, StringComparison.OrdinalIgnoreCase)))
            throw new ApiException("InvalidParameter.ConfigurationNameAlreadyExists", "A permission configuration named " + name + " already exists.");
        if (state.RoleConfigurationList.Count >= ConfigurationQuota)
            throw new ApiException("FailedOperation.ConfigurationOverUpperLimit", "The zone holds the maximum number of permission configurations.");
        string description = CheckDescription(p.String("Description"));
        string relayState = CheckRelayState(p.String("RelayState"));
        var config = new RoleConfiguration
        {
            RoleConfigurationId = NextConfigurationId(state, name),
            RoleConfigurationName = name,
            Description = description,
            SessionDuration = p.Int64("SessionDuration") ?? 3600,
            RelayState = relayState,
            CreateTime = state.NowText,
            UpdateTime = state.NowText,
        };
        state.RoleConfigurationList.Add(config);
        return new JsonObject { ["RoleConfigurationInfo"] = DirectoryActions.ConfigurationJson(config) };
    }

    public static JsonObject UpdateRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var config = Lookups.FindConfiguration(ctx.State, p.String("RoleConfigurationId")!);
        // Validate everything before changing anything.
        string? description = p.Has("NewDescription") ? CheckDescription(p.String("NewDescription")) : null;
        string? relayState = p.Has("NewRelayState") ? CheckRelayState(p.String("NewRelayState")) : null;
        if (description is not null) config.Description = description;
        if (relayState is not null) config.RelayState = relayState;
        if (p.Int64("NewSessionDuration") is long duration) config.SessionDuration = duration;
        config.UpdateTime = ctx.State.NowText;
        return new JsonObject { ["RoleConfigurationInfo"] = DirectoryActions.ConfigurationJson(config) };
    }

    /// <summary>Nothing cascades (spec §4.3): assigned, deployed or still holding policies is refused.</summary>
    public static JsonObject DeleteRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var state = ctx.State;
        var config = Lookups.FindConfiguration(state, ctx.Params.String("RoleConfigurationId")!);
        string id = config.RoleConfigurationId;
        state.AdvanceAll();
        // An assignment deploys its configuration; one still being created has no deployment row yet but counts the same.
        if (state.ProvisioningList.Any(x => x.RoleConfigurationId == id) || state.AssignmentList.Any(a => a.RoleConfigurationId == id)
            || state.TaskList.Any(t => t.Status == "InProgress" && t.RoleConfigurationId == id))
            throw new ApiException("FailedOperation.RoleConfigurationProvisioningAlreadyDeployed",
                "The permission configuration " + id + " is assigned or deployed to accounts; remove its assignments and undeploy it first.");
        if (config.Policies.Count > 0)
            throw new ApiException("InvalidParameter.RolePolicyAlreadyExist",
                "The permission configuration " + id + " still contains " + config.Policies.Count + " policies; remove them first.");
        state.RoleConfigurationList.Remove(config);
        return new JsonObject();
    }

    public static JsonObject AddPermissionPolicyToRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var state = ctx.State;
        var config = Lookups.FindConfiguration(state, p.String("RoleConfigurationId")!);
        var added = p.String("RolePolicyType") == "System" ? SystemPolicies(ctx, config) : CustomPolicies(ctx, config);
        // All checked first: the call attaches all its policies or none.
        config.Policies.AddRange(added);
        MarkRedeployRequired(state, config);
        return new JsonObject();
    }

    private static List<RolePolicyEntry> SystemPolicies(ActionContext ctx, RoleConfiguration config)
    {
        var p = ctx.Params;
        var state = ctx.State;
        if (p.Has("CustomPolicyDocument") || p.Has("CustomPolicyDocuments"))
            throw new ApiException("InvalidParameter.ParamError", "A System policy takes no CustomPolicyDocument.");
        var wanted = new List<RolePolicyEntry>();
        foreach (var detail in p.Objects("RolePolicies"))
        {
            long id = detail.Int64("PolicyId")!.Value;
            var preset = state.PresetPolicyList.FirstOrDefault(x => x.PolicyId == (ulong)id)
                ?? throw new ApiException("InvalidParameter.ParamError", "The system policy " + id + " does not exist.");
            if (detail.String("PolicyName") is { Length: > 0 } given && given != preset.PolicyName)
                throw new ApiException("InvalidParameter.ParamError", "The system policy " + id + " is named " + preset.PolicyName + ", not " + given + ".");
            wanted.Add(new RolePolicyEntry { RolePolicyId = id, RolePolicyName = preset.PolicyName, RolePolicyType = "System", AddTime = state.NowText });
        }
        foreach (string name in p.StringList("RolePolicyNames"))
        {
            CheckPolicyName(name);
            var preset = state.PresetPolicyList.FirstOrDefault(x => x.PolicyName == name)
                ?? throw new ApiException("InvalidParameter.ParamError", "The system policy " + name + " does not exist.");
            wanted.Add(new RolePolicyEntry { RolePolicyId = (long)preset.PolicyId, RolePolicyName = name, RolePolicyType = "System", AddTime = state.NowText });
        }
        if (wanted.Count == 0)
            throw new ApiException("InvalidParameter.ParamError", "RolePolicies or RolePolicyNames must name at least one system policy.");
        // UNCONFIRMED (spec §4.4): the error for re-adding an attached system policy; the emulator answers "already exists".
        foreach (var policy in wanted)
            if (config.Policies.Any(x => x.RolePolicyType == "System" && x.RolePolicyId == policy.RolePolicyId) || wanted.Count(x => x.RolePolicyId == policy.RolePolicyId) > 1)
                throw new ApiException("InvalidParameter.PolicyNameAlreadyExists", "The system policy " + policy.RolePolicyName + " is already in " + config.RoleConfigurationId + ".");
        if (config.Policies.Count(x => x.RolePolicyType == "System") + wanted.Count > SystemPolicyQuota)
            throw new ApiException("FailedOperation.SystemPolicyOverUpperLimit", "A permission configuration holds at most " + SystemPolicyQuota + " system policies.");
        return wanted;
    }

    private static List<RolePolicyEntry> CustomPolicies(ActionContext ctx, RoleConfiguration config)
    {
        var p = ctx.Params;
        if (p.Has("RolePolicies"))
            throw new ApiException("InvalidParameter.ParamError", "A Custom policy is given by RolePolicyNames and a document, not RolePolicies.");
        var names = p.StringList("RolePolicyNames");
        var documents = p.Has("CustomPolicyDocuments") ? p.StringList("CustomPolicyDocuments")
            : p.Has("CustomPolicyDocument") ? new[] { p.String("CustomPolicyDocument")! } : Array.Empty<string>();
        if (names.Count == 0)
            throw new ApiException("InvalidParameter.ParamError", "A Custom policy needs its name in RolePolicyNames.");
        if (documents.Count == 0 || documents.Any(string.IsNullOrWhiteSpace))
            throw new ApiException("InvalidParameter.PolicyDocumentEmpty", "The custom policy document is empty.");
        if (documents.Count != names.Count)
            throw new ApiException("InvalidParameter.ParamError", "RolePolicyNames and the custom policy documents must pair one to one.");
        var wanted = new List<RolePolicyEntry>();
        for (int i = 0; i < names.Count; i++)
        {
            CheckPolicyName(names[i]);
            CheckDocument(documents[i]);
            if (config.Policies.Any(x => string.Equals(x.RolePolicyName, names[i], StringComparison.OrdinalIgnoreCase))
                || names.Take(i).Any(n => string.Equals(n, names[i], StringComparison.OrdinalIgnoreCase)))
                throw new ApiException("InvalidParameter.PolicyNameAlreadyExists", "A policy named " + names[i] + " is already in " + config.RoleConfigurationId + ".");
            wanted.Add(new RolePolicyEntry { RolePolicyName = names[i], RolePolicyType = "Custom", RolePolicyDocument = documents[i], AddTime = ctx.State.NowText });
        }
        if (config.Policies.Count(x => x.RolePolicyType == "Custom") + wanted.Count > CustomPolicyQuota)
            throw new ApiException("FailedOperation.CustomPolicyOverUpperLimit", "A permission configuration holds at most " + CustomPolicyQuota + " custom policy.");
        return wanted;
    }

    public static JsonObject RemovePermissionPolicyFromRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var config = Lookups.FindConfiguration(ctx.State, p.String("RoleConfigurationId")!);
        string type = p.String("RolePolicyType")!;
        string? name = p.String("RolePolicyName");
        long id = p.Int64("RolePolicyId") ?? 0;
        if (string.IsNullOrEmpty(name) && id == 0)
            throw new ApiException("InvalidParameter.ParamError", "RolePolicyName or RolePolicyId must name the policy.");
        var policy = config.Policies.FirstOrDefault(x => x.RolePolicyType == type
            && (type == "System" && id != 0 ? x.RolePolicyId == id : x.RolePolicyName == name))
            ?? throw new ApiException("InvalidParameter.RolePolicyNotExist",
                "The " + type + " policy " + (string.IsNullOrEmpty(name) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : name) + " is not in " + config.RoleConfigurationId + ".");
        config.Policies.Remove(policy);
        MarkRedeployRequired(ctx.State, config);
        return new JsonObject();
    }

    /// <summary>The whole list in one answer: no paging (spec §4.6).</summary>
    public static JsonObject ListPermissionPoliciesInRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var config = Lookups.FindConfiguration(ctx.State, p.String("RoleConfigurationId")!);
        IEnumerable<RolePolicyEntry> rows = config.Policies;
        if (p.String("RolePolicyType") is string type) rows = rows.Where(x => x.RolePolicyType == type);
        // UNCONFIRMED match rule (spec §4.6): a case-insensitive substring of the name.
        if (p.String("Filter") is { Length: > 0 } filter) rows = rows.Where(x => x.RolePolicyName.Contains(filter, StringComparison.OrdinalIgnoreCase));
        var list = rows.ToList();
        var items = new JsonArray();
        foreach (var x in list)
        {
            var o = new JsonObject();
            // RolePolicyId may be absent (spec §7); it only means something for system policies.
            if (x.RolePolicyType == "System") o["RolePolicyId"] = x.RolePolicyId;
            o["RolePolicyName"] = x.RolePolicyName;
            o["RolePolicyType"] = x.RolePolicyType;
            o["RolePolicyDocument"] = x.RolePolicyDocument;
            o["AddTime"] = x.AddTime;
            items.Add(o);
        }
        return new JsonObject { ["TotalCounts"] = list.Count, ["RolePolicies"] = items };
    }

    public static JsonObject UpdateCustomPolicyForRoleConfiguration(ActionContext ctx)
    {
        ctx.RequireZone();
        var p = ctx.Params;
        var config = Lookups.FindConfiguration(ctx.State, p.String("RoleConfigurationId")!);
        string name = p.String("CustomPolicyName")!;
        string? document = p.String("NewCustomPolicyDocument");
        if (string.IsNullOrWhiteSpace(document))
            throw new ApiException("InvalidParameter.PolicyDocumentEmpty", "The custom policy document is empty.");
        var policy = config.Policies.FirstOrDefault(x => x.RolePolicyName == name)
            ?? throw new ApiException("InvalidParameter.RolePolicyNotExist", "The policy " + name + " is not in " + config.RoleConfigurationId + ".");
        if (policy.RolePolicyType != "Custom")
            throw new ApiException("InvalidParameter.PolicyTypeError", "Only custom policies can be modified; " + name + " is a system policy.");
        CheckDocument(document);
        policy.RolePolicyDocument = document;
        MarkRedeployRequired(ctx.State, config);
        return new JsonObject();
    }

    /// <summary>A policy change reaches accounts only on re-deployment (spec §6): every current deployment now needs one.</summary>
    private static void MarkRedeployRequired(EmulatorState state, RoleConfiguration config)
    {
        state.AdvanceAll();
        config.UpdateTime = state.NowText;
        foreach (var deployment in state.ProvisioningList.Where(x => x.RoleConfigurationId == config.RoleConfigurationId && x.DeploymentStatus == "Deployed"))
        {
            deployment.DeploymentStatus = "DeployedRequired";
            deployment.UpdateTime = state.NowText;
        }
    }

    private static string CheckDescription(string? description)
    {
        if (description is { Length: > MaxDescriptionLength })
            throw new ApiException("InvalidParameter.ParamError", "The description is longer than " + MaxDescriptionLength + " characters.");
        return description ?? "";
    }

    private static string CheckRelayState(string? relayState)
    {
        if (!string.IsNullOrEmpty(relayState) && !RelayStatePattern.IsMatch(relayState))
            throw new ApiException("InvalidParameter.ParamError", "RelayState must be a Tencent Cloud console page (https://console.cloud.tencent.com/...).");
        return relayState ?? "";
    }

    private static void CheckPolicyName(string name)
    {
        if (name.Length == 0)
            throw new ApiException("InvalidParameter.ParamError", "A policy name must not be empty.");
        if (name.Length > MaxPolicyNameLength)
            throw new ApiException("InvalidParameter.PolicyNameSizeOverUpperLimit", "A policy name has at most " + MaxPolicyNameLength + " characters.");
    }

    /// <summary>At most 4096 characters (API metadata; the console guide's 6,144 is not relied on) and a JSON object.</summary>
    private static void CheckDocument(string document)
    {
        if (document.Length > MaxDocumentLength)
            throw new ApiException("InvalidParameter.ParamError", "The custom policy document is longer than " + MaxDocumentLength + " characters.");
        try
        {
            using var parsed = JsonDocument.Parse(document);
            if (parsed.RootElement.ValueKind != JsonValueKind.Object) throw new JsonException();
        }
        catch (JsonException)
        {
            throw new ApiException("InvalidParameter.ParamError", "The custom policy document is not a JSON object in CAM policy syntax.");
        }
    }

    /// <summary>rc- plus 12 lowercase letters/digits, like the examples; derived from the name and the count, unique among the configurations.</summary>
    private static string NextConfigurationId(EmulatorState state, string name)
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int attempt = 0; ; attempt++)
        {
            byte[] hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(name + "/" + state.RoleConfigurationList.Count + "/" + attempt));
            var chars = new char[12];
            for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[hash[i] % alphabet.Length];
            string id = "rc-" + new string(chars);
            if (!state.RoleConfigurationList.Any(c => c.RoleConfigurationId == id)) return id;
        }
    }
}
