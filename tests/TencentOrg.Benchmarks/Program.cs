using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;

namespace TencentOrg.Benchmarks
{
    /// <summary>
    /// Runs every measurement side by side with its floor and prints one table with targets and PASS/FAIL.
    ///   (no args)                 everything
    ///   --only import,signing,client,sdk,bulk,memory,throttle,sync,reruns,zone,access   a subset
    ///   --quick                   fewer repetitions (smoke check of the harness)
    ///   --out FILE                also write the table as markdown
    /// Internal modes (the exe re-invokes itself): --import-child PSD1, --emulator RATE MEMBERS USERS [THROTTLED-FRACTION [TASKSECONDS|- [SEEDFILE|-]]].
    /// </summary>
    public static class Program
    {
        public static bool Quick { get; private set; }

        public static async Task<int> Main(string[] args)
        {
            BenchEnvironment.Initialize();
            if (args.Length >= 2 && args[0] == "--import-child") return ImportBench.Child(args[1]);
            if (args.Length >= 4 && args[0] == "--emulator")
                return await EmulatorProcess.ServeAsync(double.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture),
                    args.Length >= 5 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 0,
                    args.Length >= 6 && args[5] != "-" ? double.Parse(args[5], CultureInfo.InvariantCulture) : null,
                    args.Length >= 7 && args[6] != "-" ? args[6] : null);

            Quick = args.Contains("--quick");
            var only = ArgValue(args, "--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            string? outFile = ArgValue(args, "--out");
            bool Want(string name) => only == null || only.Contains(name);

            var results = new Results();
            var total = Stopwatch.StartNew();
            if (Want("import")) Step("import", () => ImportBench.Run(results));
            if (Want("signing")) Step("signing", () => SigningBench.Run(results));
            if (Want("client")) Step("client", () => ClientBench.RunAsync(results).GetAwaiter().GetResult());
            if (Want("sdk")) Step("sdk", () => SdkBench.RunAsync(results).GetAwaiter().GetResult());
            if (Want("bulk")) Step("bulk", () => BulkBench.RunThroughput(results));
            if (Want("memory")) Step("memory", () => BulkBench.RunMemory(results));
            if (Want("throttle")) Step("throttle", () => BulkBench.RunThrottled(results));
            if (Want("sync")) Step("sync", () => SyncBench.Run(results));
            if (Want("zone")) Step("zone", () => ZoneBench.Run(results));
            if (Want("reruns")) Step("reruns", () => RerunBench.Run(results));
            if (Want("access")) Step("access", () => AccessBench.Run(results));

            Console.WriteLine();
            Console.WriteLine("TencentOrg benchmark results (" + DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC, "
                + Environment.ProcessorCount + " CPUs, " + System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription + ", total " + total.Elapsed.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture) + " s)");
            Console.WriteLine(results.ToText());
            if (outFile != null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
                File.WriteAllText(outFile, results.ToMarkdown());
                Console.WriteLine("Markdown table written to " + outFile);
            }
            return results.AllPassed ? 0 : 1;

            void Step(string name, Action run)
            {
                Console.WriteLine("== " + name + " ==");
                var sw = Stopwatch.StartNew();
                try { run(); }
                catch (Exception ex)
                {
                    Console.WriteLine(name + " failed: " + ex);
                    results.Add(name, "harness error: " + ex.GetType().Name + ": " + ex.Message, "runs", false);
                }
                Console.WriteLine("   (" + name + " took " + sw.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s)");
            }
        }

        private static string? ArgValue(string[] args, string name)
        {
            int i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        }

        /// <summary>Start this benchmark program again in a child process.</summary>
        internal static ProcessStartInfo SelfStartInfo(params string[] args)
        {
            string self = typeof(Program).Assembly.Location;
            string host = Environment.ProcessPath ?? "dotnet";
            var psi = new ProcessStartInfo { UseShellExecute = false };
            if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
            {
                psi.FileName = host;
                psi.ArgumentList.Add(self);
            }
            else
            {
                psi.FileName = host;
            }
            foreach (var a in args) psi.ArgumentList.Add(a);
            return psi;
        }

        internal static double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            if (sorted.Length == 0) return double.NaN;
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        internal static string F(double value, int decimals = 1) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
    }

    /// <summary>The table: figure, value (with its floor), target, verdict.</summary>
    internal sealed class Results
    {
        private readonly List<(string Figure, string Value, string Target, bool? Pass)> _rows = new();

        public void Add(string figure, string value, string target, bool? pass)
        {
            _rows.Add((figure, value, target, pass));
            Console.WriteLine("   " + figure + ": " + value + "  [target " + target + "] " + Verdict(pass));
        }

        public bool AllPassed => _rows.All(r => r.Pass != false);

        private static string Verdict(bool? pass) => pass == null ? "info" : pass.Value ? "PASS" : "FAIL";

        public string ToText()
        {
            int w1 = Math.Max(6, _rows.Select(r => r.Figure.Length).DefaultIfEmpty().Max());
            int w2 = Math.Max(5, _rows.Select(r => r.Value.Length).DefaultIfEmpty().Max());
            int w3 = Math.Max(6, _rows.Select(r => r.Target.Length).DefaultIfEmpty().Max());
            var lines = new List<string> { "Figure".PadRight(w1) + " | " + "Value".PadRight(w2) + " | " + "Target".PadRight(w3) + " | Result", new string('-', w1 + w2 + w3 + 15) };
            lines.AddRange(_rows.Select(r => r.Figure.PadRight(w1) + " | " + r.Value.PadRight(w2) + " | " + r.Target.PadRight(w3) + " | " + Verdict(r.Pass)));
            return string.Join(Environment.NewLine, lines);
        }

        public string ToMarkdown()
        {
            var lines = new List<string> { "| Figure | Value | Target | Result |", "|---|---|---|---|" };
            lines.AddRange(_rows.Select(r => "| " + r.Figure + " | " + r.Value + " | " + r.Target + " | " + Verdict(r.Pass) + " |"));
            return string.Join("\n", lines) + "\n";
        }
    }
}
