using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace TencentOrg.Services.Access
{
    /// <summary>
    /// The access review as one self-contained HTML file: inline style and script only (a Content-Security-Policy
    /// forbids loading anything else), every server-given text HTML-encoded, and the data never inside the script.
    /// Sections: when and which zone, a summary, a users-by-accounts matrix with configuration names in the cells,
    /// and the list of paths that filters as one types.
    /// </summary>
    internal static class AccessReport
    {
        /// <summary>Paths whose configuration is not current on its account.</summary>
        public static bool OutOfDate(OrgAccess path) =>
            path.Source == AccessSources.IdentityCenter && !string.Equals(path.DeploymentStatus, AccessSources.Deployed, StringComparison.Ordinal);

        /// <summary>Writes the file atomically (a temporary file in the same folder, then renamed over it); missing folders are created.</summary>
        public static void WriteFile(string path, AccessReview review)
        {
            string full = Path.GetFullPath(path);
            string folder = Path.GetDirectoryName(full)!;
            Directory.CreateDirectory(folder);
            string temp = Path.Combine(folder, "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
            try
            {
                File.WriteAllText(temp, Render(review), new UTF8Encoding(false));
                if (File.Exists(full)) File.Replace(temp, full, null);
                else File.Move(temp, full);
            }
            finally
            {
                if (File.Exists(temp)) File.Delete(temp);
            }
        }

        public static string Render(AccessReview review)
        {
            var cic = review.Paths.Where(p => p.Source == AccessSources.IdentityCenter).ToList();
            var identities = review.Paths.Where(p => p.Source == AccessSources.OrganizationIdentity).ToList();
            string taken = review.TakenAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
            var html = new StringBuilder(4096 + review.Paths.Count * 400);
            html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n")
                .Append("<title>Access review of zone ").Append(Encode(review.ZoneId)).Append(", ").Append(taken).Append("</title>\n")
                .Append("<style>\n").Append(Style).Append("</style>\n</head>\n<body>\n")
                .Append("<h1>Access review</h1>\n<p id=\"taken\">Zone <span id=\"zone\">").Append(Encode(review.ZoneId))
                .Append("</span>, read at <time id=\"time\" datetime=\"").Append(review.TakenAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture))
                .Append("\">").Append(taken).Append("</time>.</p>\n");
            if (review.Filters != null)
                html.Append("<p id=\"filtered\" class=\"filtered\">Filtered by ").Append(Encode(review.Filters))
                    .Append(": this report is not a review of the whole zone.</p>\n");

            Summary(html, cic, identities);
            Matrix(html, cic);
            List(html, review.Paths);
            html.Append("<script>\n").Append(Script).Append("</script>\n</body>\n</html>\n");
            return html.ToString();
        }

        private static void Summary(StringBuilder html, List<OrgAccess> cic, List<OrgAccess> identities)
        {
            var rows = new List<(string Id, string Label, int Count)>
            {
                ("users", "Users with access", cic.Select(p => p.UserId).Distinct(StringComparer.Ordinal).Count()),
                ("accounts", "Accounts reached", cic.Concat(identities).Select(p => p.TargetUin).Distinct().Count()),
                ("configurations", "Permission configurations in use", cic.Select(p => p.RoleConfigurationId).Distinct(StringComparer.Ordinal).Count()),
                ("disabled", "Disabled users with access", cic.Where(p => p.UserDisabled).Select(p => p.UserId).Distinct(StringComparer.Ordinal).Count()),
                ("outofdate", "Deployments out of date (not Deployed)", cic.Where(OutOfDate)
                    .Select(p => AccessJoin.DeploymentKey(p.RoleConfigurationId ?? "", p.TargetUin)).Distinct(StringComparer.Ordinal).Count()),
                ("paths", "Access paths", cic.Count),
            };
            if (identities.Count > 0) rows.Add(("identities", "Organization identity grants", identities.Count));
            html.Append("<h2>Summary</h2>\n<table id=\"summary\">\n");
            foreach (var (id, label, count) in rows)
                html.Append("<tr id=\"summary-").Append(id).Append("\"><th>").Append(Encode(label)).Append("</th><td>").Append(count.ToString(CultureInfo.InvariantCulture)).Append("</td></tr>\n");
            html.Append("</table>\n");
        }

        private static void Matrix(StringBuilder html, List<OrgAccess> cic)
        {
            var accounts = cic.GroupBy(p => p.TargetUin).Select(g => (Uin: g.Key, Name: g.First().TargetName))
                .OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ThenBy(a => a.Uin).ToList();
            var users = cic.GroupBy(p => p.UserId ?? "", StringComparer.Ordinal)
                .Select(g => (Id: g.Key, Name: g.First().UserName, Disabled: g.First().UserDisabled, Cells: g.ToLookup(p => p.TargetUin)))
                .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ThenBy(u => u.Id, StringComparer.Ordinal).ToList();
            html.Append("<h2>Users by accounts</h2>\n<div class=\"scroll\"><table id=\"matrix\">\n<thead><tr><th>User</th>");
            foreach (var a in accounts)
                html.Append("<th class=\"account\">").Append(Encode(a.Name)).Append("<br><span class=\"uin\">").Append(a.Uin.ToString(CultureInfo.InvariantCulture)).Append("</span></th>");
            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var u in users)
            {
                html.Append("<tr><th class=\"user").Append(u.Disabled ? " disabled" : "").Append("\">").Append(Encode(u.Name))
                    .Append(u.Disabled ? " <span class=\"flag\">(disabled)</span>" : "").Append("</th>");
                foreach (var a in accounts)
                {
                    var here = u.Cells[a.Uin].ToList();
                    html.Append(here.Any(OutOfDate) ? "<td class=\"stale\">" : "<td>");
                    bool first = true;
                    foreach (var name in here.Select(p => p.RoleConfigurationName ?? p.RoleConfigurationId).Distinct(StringComparer.Ordinal))
                    {
                        if (!first) html.Append("<br>");
                        html.Append(Encode(name));
                        first = false;
                    }
                    html.Append("</td>");
                }
                html.Append("</tr>\n");
            }
            html.Append("</tbody></table></div>\n")
                .Append("<p id=\"legend\">Shaded cells and rows: a configuration not up to date on that account (DeployedRequired, DeployFailed or NotDeployed). "
                    + "Users marked (disabled) hold these paths but cannot use them until enabled.</p>\n");
        }

        private static void List(StringBuilder html, IReadOnlyList<OrgAccess> paths)
        {
            html.Append("<h2>Access paths</h2>\n<p><label for=\"filter\">Filter: </label><input id=\"filter\" type=\"search\" placeholder=\"type to filter\" autocomplete=\"off\"> ")
                .Append("<span id=\"shown\">").Append(paths.Count.ToString(CultureInfo.InvariantCulture)).Append("</span> of ")
                .Append(paths.Count.ToString(CultureInfo.InvariantCulture)).Append(" shown</p>\n")
                .Append("<table id=\"paths\">\n<thead><tr><th>User</th><th>User status</th><th>Via</th><th>Configuration</th><th>Policies</th>")
                .Append("<th>Account</th><th>Account name</th><th>Deployment</th></tr></thead>\n<tbody>\n");
            foreach (var p in paths)
            {
                bool identity = p.Source == AccessSources.OrganizationIdentity;
                html.Append("<tr class=\"path").Append(p.UserDisabled ? " disabled" : "").Append(OutOfDate(p) ? " stale" : "").Append("\">")
                    .Append("<td class=\"user\">").Append(Encode(identity ? "(organization identity)" : p.UserName)).Append("</td>")
                    .Append("<td class=\"status\">").Append(Encode(p.UserStatus)).Append("</td>")
                    .Append("<td class=\"via\">").Append(Encode(p.Via)).Append("</td>")
                    .Append("<td class=\"configuration\">").Append(Encode(identity ? p.IdentityName : p.RoleConfigurationName)).Append("</td>")
                    .Append("<td class=\"policies\">").Append(Encode(p.Policies.ToString())).Append("</td>")
                    .Append("<td class=\"account\">").Append(p.TargetUin.ToString(CultureInfo.InvariantCulture)).Append("</td>")
                    .Append("<td class=\"account-name\">").Append(Encode(p.TargetName)).Append("</td>")
                    .Append("<td class=\"deployment\">").Append(Encode(identity ? p.GrantStatus : p.DeploymentStatus)).Append("</td></tr>\n");
            }
            html.Append("</tbody></table>\n");
        }

        /// <summary>HTML-encoded text; control characters (which HTML forbids) become U+FFFD.</summary>
        internal static string Encode(string? text)
        {
            if (string.IsNullOrEmpty(text)) return "";
            var clean = new StringBuilder(text!.Length);
            foreach (char c in text)
                clean.Append(char.IsControl(c) && c != '\t' && c != '\n' ? '\uFFFD' : c);
            return WebUtility.HtmlEncode(clean.ToString());
        }

        private const string Style =
            "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:1.5em;color:#1b1b1b}\n" +
            "table{border-collapse:collapse;margin-bottom:1.5em}\nth,td{border:1px solid #c8c8c8;padding:.25em .5em;text-align:left;vertical-align:top}\n" +
            "thead th{background:#eef1f5}\n#summary th{font-weight:normal}\n#summary td{text-align:right;font-weight:bold}\n" +
            ".scroll{overflow:auto;max-height:70vh}\n.uin{color:#666;font-size:.85em}\n.disabled,.flag{color:#a30000}\n" +
            "td.stale{background:#fff4d6}\ntr.stale td.deployment{background:#fff4d6}\n#filter{width:24em}\n";

        // Static code only: the data sits in the table, so nothing the server sent can reach the script.
        private const string Script =
            "(function(){\n" +
            "var box=document.getElementById('filter'),shown=document.getElementById('shown');\n" +
            "var rows=document.querySelectorAll('#paths tbody tr');\n" +
            "box.addEventListener('input',function(){\n" +
            "  var words=box.value.toLowerCase().split(/\\s+/).filter(function(w){return w.length>0;}),n=0;\n" +
            "  for(var i=0;i<rows.length;i++){\n" +
            "    var text=rows[i].textContent.toLowerCase(),hit=true;\n" +
            "    for(var j=0;j<words.length;j++){if(text.indexOf(words[j])<0){hit=false;break;}}\n" +
            "    rows[i].hidden=!hit;if(hit)n++;\n" +
            "  }\n" +
            "  shown.textContent=n;\n" +
            "});\n" +
            "})();\n";
    }
}
