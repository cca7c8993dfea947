using System;
using System.IO;
using System.Linq;
using AngleSharp;
using AngleSharp.Html.Parser;
using AngleSharp.Js;
using TencentOrg.Services.Access;
using Xunit;

namespace TencentOrg.Tests.Access
{
    /// <summary>The HTML report, parsed with a real HTML5 parser (AngleSharp).</summary>
    public class AccessReportTests
    {
        private const string Hostile = "<script>alert('x')</script>&\"quoted\"\u0007";

        private static AccessReview Review()
        {
            var zone = AccessJoinTests.Zone();
            zone.Users.First(u => u.UserId == "u-carol").UserName = Hostile;
            zone.Configurations.First(c => c.RoleConfigurationId == "rc-read").RoleConfigurationName = "Read<img src=x onerror=alert(1)>";
            zone.Assignments.Add(new RoleAssignment
            {
                RoleConfigurationId = "rc-read", TargetUin = 100000000009, TargetType = "MemberUin", TargetName = "<b>evil</b> account",
                PrincipalType = "User", PrincipalId = "u-carol", PrincipalName = "carol",
            });
            var paths = AccessJoin.Join(zone, new AccessFilter(), _ => { });
            return new AccessReview(zone.ZoneId, new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero), paths);
        }

        [Fact]
        public void Every_path_user_account_and_configuration_is_in_the_list_and_the_matrix_as_text()
        {
            var review = Review();
            var document = new HtmlParser().ParseDocument(AccessReport.Render(review));
            var rows = document.QuerySelectorAll("#paths tbody tr").ToList();
            Assert.Equal(review.Paths.Count, rows.Count);
            foreach (var path in review.Paths)
            {
                string user = path.UserName!.Replace("\u0007", "\uFFFD");
                Assert.Contains(rows, r => r.QuerySelector("td.user")!.TextContent == user
                    && r.QuerySelector("td.account")!.TextContent == path.TargetUin.ToString()
                    && r.QuerySelector("td.configuration")!.TextContent == path.RoleConfigurationName
                    && r.QuerySelector("td.via")!.TextContent == path.Via
                    && r.QuerySelector("td.deployment")!.TextContent == path.DeploymentStatus);
                // Matrix: the user's row has the configuration's name in the account's column.
                var headers = document.QuerySelectorAll("#matrix thead th").Select(h => h.TextContent).ToList();
                int column = headers.FindIndex(h => h.EndsWith(path.TargetUin.ToString(), StringComparison.Ordinal));
                Assert.True(column > 0, "no matrix column for " + path.TargetUin);
                var matrixRow = document.QuerySelectorAll("#matrix tbody tr").Single(r => r.Children[0].TextContent.StartsWith(user, StringComparison.Ordinal));
                Assert.Contains(path.RoleConfigurationName!, matrixRow.Children[column].InnerHtml.Split("<br>").Select(System.Net.WebUtility.HtmlDecode));
            }
            // The hostile names are text, never markup.
            Assert.Empty(document.QuerySelectorAll("img, b, link, iframe, object, embed"));
            Assert.Single(document.QuerySelectorAll("script"));
        }

        [Fact]
        public void The_file_is_self_contained_and_says_when_and_which_zone()
        {
            var document = new HtmlParser().ParseDocument(AccessReport.Render(Review()));
            var script = Assert.Single(document.QuerySelectorAll("script"));
            Assert.False(script.HasAttribute("src"));
            Assert.DoesNotContain("alert", script.TextContent);
            Assert.Empty(document.QuerySelectorAll("link, [src], [href]"));
            foreach (var style in document.QuerySelectorAll("style"))
            {
                Assert.DoesNotContain("url(", style.TextContent);
                Assert.DoesNotContain("@import", style.TextContent);
                Assert.DoesNotContain("@font-face", style.TextContent);
            }
            Assert.Contains("default-src 'none'", document.QuerySelector("meta[http-equiv='Content-Security-Policy']")!.GetAttribute("content"));
            Assert.Equal("z-test00000001", document.QuerySelector("#zone")!.TextContent);
            Assert.Equal("2026-12-03T09:30:00Z", document.QuerySelector("#time")!.GetAttribute("datetime"));
            Assert.NotNull(document.QuerySelector("input#filter"));
            Assert.Contains("Shaded cells", document.QuerySelector("#legend")!.TextContent); // what the shading means
        }

        [Fact]
        public void The_summary_counts_users_accounts_configurations_disabled_users_and_stale_deployments()
        {
            var document = new HtmlParser().ParseDocument(AccessReport.Render(Review()));
            string Count(string id) => document.QuerySelector("#summary-" + id + " td")!.TextContent;
            Assert.Equal("3", Count("users"));          // alice, bob, carol
            Assert.Equal("3", Count("accounts"));       // ...01, ...02, ...09
            Assert.Equal("2", Count("configurations"));
            Assert.Equal("1", Count("disabled"));       // bob
            Assert.Equal("3", Count("outofdate"));      // rc-admin on 01 DeployedRequired, rc-read on 02 and 09 not deployed
            Assert.Equal("6", Count("paths"));
        }

        [Fact]
        public void Writing_creates_missing_folders_replaces_the_file_and_leaves_no_temporary_file()
        {
            string root = Path.Combine(Path.GetTempPath(), "tcorg-report-" + Guid.NewGuid().ToString("N"));
            try
            {
                string file = Path.Combine(root, "a", "b", "report.html");
                AccessReport.WriteFile(file, Review());
                File.WriteAllText(file, "old");
                AccessReport.WriteFile(file, Review());
                Assert.StartsWith("<!DOCTYPE html>", File.ReadAllText(file));
                Assert.Equal(new[] { "report.html" }, System.IO.Directory.GetFiles(Path.GetDirectoryName(file)!).Select(Path.GetFileName));
            }
            finally
            {
                if (System.IO.Directory.Exists(root)) System.IO.Directory.Delete(root, true);
            }
        }

        [Fact]
        public async System.Threading.Tasks.Task Typing_in_the_filter_box_shows_only_the_rows_holding_every_typed_word_and_counts_them()
        {
            var review = Review();
            var context = AngleSharp.BrowsingContext.New(AngleSharp.Configuration.Default.WithJs());
            var document = await context.OpenAsync(r => r.Content(AccessReport.Render(review)));
            var box = (AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("input#filter")!;
            var rows = document.QuerySelectorAll("#paths tbody tr").ToList();

            void Type(string text)
            {
                box.Value = text;
                box.Dispatch(new AngleSharp.Dom.Events.Event("input"));
            }

            var target = review.Paths.First(p => p.UserName == "alice");
            Type("ALICE " + target.TargetUin); // any case, every word must match
            var expected = review.Paths.Count(p => p.UserName == "alice" && p.TargetUin == target.TargetUin);
            var shown = rows.Where(r => !r.HasAttribute("hidden")).ToList();
            Assert.Equal(expected, shown.Count);
            Assert.All(shown, r => Assert.Equal("alice", r.QuerySelector("td.user")!.TextContent));
            Assert.Equal(expected.ToString(), document.GetElementById("shown")!.TextContent);

            Type("no-such-text-anywhere");
            Assert.All(rows, r => Assert.True(r.HasAttribute("hidden")));
            Type("");
            Assert.All(rows, r => Assert.False(r.HasAttribute("hidden")));
            Assert.Equal(rows.Count.ToString(), document.GetElementById("shown")!.TextContent);
        }
    }
}
