using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;

namespace TencentOrg.Credentials
{
    /// <summary>
    /// The credential chain, first hit wins: explicit parameters, environment variables, then a
    /// named profile in ~/.tccli/&lt;name&gt;.credential or ~/.tencentcloud/credentials.
    /// </summary>
    internal sealed class CredentialResolver
    {
        public const string SecretIdVariable = "TENCENTCLOUD_SECRET_ID";
        public const string SecretKeyVariable = "TENCENTCLOUD_SECRET_KEY";
        /// <summary>tccli reads TENCENTCLOUD_TOKEN, Terraform TENCENTCLOUD_SECURITY_TOKEN; accept all three.</summary>
        public static readonly string[] TokenVariables = { "TENCENTCLOUD_SESSION_TOKEN", "TENCENTCLOUD_TOKEN", "TENCENTCLOUD_SECURITY_TOKEN" };
        public const string ProfileVariable = "TCCLI_PROFILE";

        private readonly Func<string, string?> _getEnv;
        private readonly string _home;

        public CredentialResolver(Func<string, string?> getEnv, string? home = null)
        {
            _getEnv = getEnv;
            _home = home ?? HomeDirectory(getEnv);
        }

        public static CredentialResolver FromProcess() => new CredentialResolver(Environment.GetEnvironmentVariable);

        /// <summary>Environment first, then the profile named by <paramref name="profileName"/>, TCCLI_PROFILE or "default".</summary>
        public OrgCredential Resolve(string? profileName = null)
        {
            var looked = new List<string>();
            if (profileName == null)
            {
                var fromEnv = FromEnvironment(looked);
                if (fromEnv != null) return fromEnv;
            }
            string profile = !string.IsNullOrWhiteSpace(profileName) ? profileName!
                : NonEmpty(_getEnv(ProfileVariable)) ?? "default";
            CheckProfileName(profile, profileName != null ? "-ProfileName" : ProfileVariable);
            var fromProfile = FromTccliProfile(profile, looked) ?? FromIniProfile(profile, looked);
            if (fromProfile != null) return fromProfile;

            throw new Api.OrgCredentialNotFoundException(
                "No Tencent Cloud credential found. Looked in: " + string.Join("; ", looked)
                + ". Run Connect-TcOrg -SecretId <id> -SecretKey (Read-Host -AsSecureString), or set "
                + SecretIdVariable + " and " + SecretKeyVariable + ".");
        }

        /// <summary>
        /// A profile name is a plain file name: letters, digits, '_', '-' and '.', not '.' or '..', so ~/.tccli/&lt;name&gt;.credential
        /// can only name a file in ~/.tccli.
        /// </summary>
        internal static void CheckProfileName(string profile, string from)
        {
            bool plain = profile.Length > 0 && profile.Length <= 64 && profile != "." && profile != ".." && profile.IndexOf("..", StringComparison.Ordinal) < 0;
            foreach (char c in profile)
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.')) plain = false;
            if (!plain)
                throw new ArgumentException("The profile name '" + Api.ServerText.Clean(profile) + "' (" + from + ") is not a plain file name: use letters, digits, '_', '-' or '.' "
                    + "(at most 64, no path separators and no '..'); profiles are read from ~/.tccli/<name>.credential.");
        }

        private OrgCredential? FromEnvironment(List<string> looked)
        {
            looked.Add("Connect-TcOrg parameters (none given)");
            looked.Add("environment variables " + SecretIdVariable + "/" + SecretKeyVariable);
            string? id = NonEmpty(_getEnv(SecretIdVariable));
            string? key = NonEmpty(_getEnv(SecretKeyVariable));
            // Half a pair is a mistake, not a reason to pick up some other key from a profile.
            if (id != null && key == null)
                throw new Api.OrgCredentialNotFoundException(SecretIdVariable + " is set but " + SecretKeyVariable + " is not: set both (or neither, to use a profile).");
            if (id == null && key != null)
                throw new Api.OrgCredentialNotFoundException(SecretKeyVariable + " is set but " + SecretIdVariable + " is not: set both (or neither, to use a profile).");
            if (id == null || key == null) return null;
            string? token = null;
            foreach (var name in TokenVariables)
            {
                token = NonEmpty(_getEnv(name));
                if (token != null) break;
            }
            return new OrgCredential(id, key, token, "environment variables");
        }

        private OrgCredential? FromTccliProfile(string profile, List<string> looked)
        {
            string path = Path.Combine(_home, ".tccli", profile + ".credential");
            looked.Add(path);
            if (!File.Exists(path)) return null;
            try
            {
                // Through a reader that honours a byte order mark (Notepad writes one): JsonDocument alone rejects it.
                string text;
                using (var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true)) text = reader.ReadToEnd();
                using var doc = JsonDocument.Parse(text);
                var root = doc.RootElement;
                string? id = Property(root, "secretId");
                string? key = Property(root, "secretKey");
                if (id == null || key == null) return null;
                return new OrgCredential(id, key, Property(root, "token"), "profile '" + profile + "' (" + path + ")");
            }
            catch (JsonException ex)
            {
                // Never echo the file: it holds the key.
                throw new InvalidDataException("The tccli credential file " + path + " is not valid JSON (line " + (ex.LineNumber + 1) + ").");
            }
        }

        private OrgCredential? FromIniProfile(string profile, List<string> looked)
        {
            string path = NonEmpty(_getEnv("TENCENTCLOUD_CREDENTIALS_FILE")) ?? Path.Combine(_home, ".tencentcloud", "credentials");
            looked.Add(path + " [" + profile + "]");
            if (!File.Exists(path)) return null;
            var values = ReadIniSection(File.ReadAllLines(path), profile);
            if (values.TryGetValue("secret_id", out var id) && values.TryGetValue("secret_key", out var key)
                && id.Length > 0 && key.Length > 0)
            {
                values.TryGetValue("token", out var token);
                return new OrgCredential(id, key, token, "profile '" + profile + "' (" + path + ")");
            }
            return null;
        }

        internal static Dictionary<string, string> ReadIniSection(IEnumerable<string> lines, string section)
        {
            var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            bool inSection = false;
            foreach (var raw in lines)
            {
                string line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';') continue;
                if (line[0] == '[' && line[line.Length - 1] == ']')
                {
                    inSection = string.Equals(line.Substring(1, line.Length - 2).Trim(), section, StringComparison.OrdinalIgnoreCase);
                    continue;
                }
                int eq = line.IndexOf('=');
                if (inSection && eq > 0) values[line.Substring(0, eq).Trim()] = line.Substring(eq + 1).Trim();
            }
            return values;
        }

        private static string? Property(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? NonEmpty(value.GetString())
                : null;

        private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static string HomeDirectory(Func<string, string?> getEnv) =>
            NonEmpty(getEnv("HOME")) ?? NonEmpty(getEnv("USERPROFILE")) ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
