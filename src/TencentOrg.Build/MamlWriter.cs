#nullable enable
// Compiled by RoslynCodeTaskFactory (build/Help.targets): turns platyPS-style markdown in docs/ into the
// MAML file Get-Help reads, so the module build needs neither pwsh nor platyPS.
using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

public sealed class ConvertMarkdownToMaml : Task
{
    [Required] public ITaskItem[] Markdown { get; set; } = new ITaskItem[0];
    [Required] public string OutputFile { get; set; } = "";

    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    public override bool Execute()
    {
        var root = new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev));
        foreach (var item in Markdown.OrderBy(i => i.ItemSpec, StringComparer.Ordinal))
        {
            string path = item.GetMetadata("FullPath");
            if (Path.GetFileName(path).StartsWith("about_", StringComparison.OrdinalIgnoreCase)) continue;
            try
            {
                root.Add(ToCommand(Parse(File.ReadAllLines(path))));
            }
            catch (FormatException ex)
            {
                Log.LogError(null, "TCHELP001", null, path, 0, 0, 0, 0, ex.Message);
            }
        }
        if (Log.HasLoggedErrors) return false;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(OutputFile))!);
        new XDocument(new XDeclaration("1.0", "utf-8", null), root).Save(OutputFile);
        Log.LogMessage(MessageImportance.Normal, "Wrote " + OutputFile);
        return true;
    }

    private sealed class Doc
    {
        public string Name = "";
        public List<string> Synopsis = new List<string>();
        public List<string> Description = new List<string>();
        public List<(string Title, string Code, List<string> Remarks)> Examples = new List<(string, string, List<string>)>();
        public List<Param> Parameters = new List<Param>();
        public List<(string Type, List<string> Text)> Inputs = new List<(string, List<string>)>();
        public List<(string Type, List<string> Text)> Outputs = new List<(string, List<string>)>();
        public List<string> Notes = new List<string>();
        public List<(string Text, string Uri)> Links = new List<(string, string)>();
    }

    private sealed class Param
    {
        public string Name = "";
        public List<string> Description = new List<string>();
        public Dictionary<string, string> Yaml = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        public string Get(string key, string fallback) => Yaml.TryGetValue(key, out var v) && v.Length > 0 ? v : fallback;
    }

    /// <summary>One pass over the lines: H2 picks the section, H3 the item, fences hold code or yaml.</summary>
    private static Doc Parse(string[] lines)
    {
        var doc = new Doc();
        int i = 0;
        if (lines.Length > 0 && lines[0].Trim() == "---")
        {
            i = 1;
            while (i < lines.Length && lines[i].Trim() != "---") i++;
            i++;
        }
        string section = "";
        string? h3 = null;
        var text = new List<string>();
        Param? param = null;
        (string Title, string Code, List<string> Remarks)? example = null;
        List<string>? target = null;

        void Flush()
        {
            if (target != null) target.AddRange(Paragraphs(text));
            text.Clear();
        }

        for (; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                string lang = line.Substring(3).Trim();
                var block = new List<string>();
                for (i++; i < lines.Length && !lines[i].StartsWith("```", StringComparison.Ordinal); i++) block.Add(lines[i]);
                Flush();
                if (section == "EXAMPLES" && example != null && lang.StartsWith("powershell", StringComparison.OrdinalIgnoreCase))
                {
                    var e = example.Value;
                    example = (e.Title, (e.Code.Length > 0 ? e.Code + "\n" : "") + string.Join("\n", block), e.Remarks);
                    doc.Examples[doc.Examples.Count - 1] = example.Value;
                }
                else if (section == "PARAMETERS" && param != null && lang == "yaml")
                {
                    foreach (var y in block)
                    {
                        int colon = y.IndexOf(':');
                        if (colon > 0) param.Yaml[y.Substring(0, colon).Trim()] = y.Substring(colon + 1).Trim();
                    }
                }
                continue;
            }
            if (line.StartsWith("# ", StringComparison.Ordinal) && doc.Name.Length == 0)
            {
                doc.Name = line.Substring(2).Trim();
                continue;
            }
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                Flush();
                section = line.Substring(3).Trim().ToUpperInvariant();
                h3 = null;
                param = null;
                example = null;
                target = section switch
                {
                    "SYNOPSIS" => doc.Synopsis,
                    "DESCRIPTION" => doc.Description,
                    "NOTES" => doc.Notes,
                    _ => null,
                };
                continue;
            }
            if (line.StartsWith("### ", StringComparison.Ordinal))
            {
                Flush();
                h3 = line.Substring(4).Trim();
                target = null;
                param = null;
                switch (section)
                {
                    case "EXAMPLES":
                        example = (h3, "", new List<string>());
                        doc.Examples.Add(example.Value);
                        target = example.Value.Remarks;
                        break;
                    case "PARAMETERS":
                        if (h3.StartsWith("-", StringComparison.Ordinal))
                        {
                            param = new Param { Name = h3.Substring(1) };
                            doc.Parameters.Add(param);
                            target = param.Description;
                        }
                        break;
                    case "INPUTS":
                        doc.Inputs.Add((h3, new List<string>()));
                        target = doc.Inputs[doc.Inputs.Count - 1].Text;
                        break;
                    case "OUTPUTS":
                        doc.Outputs.Add((h3, new List<string>()));
                        target = doc.Outputs[doc.Outputs.Count - 1].Text;
                        break;
                }
                continue;
            }
            if (section == "RELATED LINKS")
            {
                foreach (Match m in Regex.Matches(line, @"\[([^\]]+)\]\(([^)]*)\)")) doc.Links.Add((m.Groups[1].Value, m.Groups[2].Value));
                continue;
            }
            text.Add(line);
        }
        Flush();
        if (doc.Name.Length == 0) throw new FormatException("No '# <Cmdlet-Name>' title.");
        if (doc.Synopsis.Count == 0) throw new FormatException(doc.Name + ": empty ## SYNOPSIS.");
        foreach (var p in doc.Parameters)
            if (!p.Yaml.ContainsKey("Type")) throw new FormatException(doc.Name + ": parameter -" + p.Name + " has no ```yaml block with Type.");
        return doc;
    }

    /// <summary>Blank lines separate paragraphs; lines of one paragraph are joined; list items stay separate.</summary>
    private static IEnumerable<string> Paragraphs(List<string> lines)
    {
        var current = new StringBuilder();
        foreach (var raw in lines)
        {
            string line = raw.Trim();
            bool listItem = line.StartsWith("- ", StringComparison.Ordinal) || line.StartsWith("* ", StringComparison.Ordinal);
            if ((line.Length == 0 || listItem) && current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
            if (line.Length == 0) continue;
            if (current.Length > 0) current.Append(' ');
            current.Append(line);
        }
        if (current.Length > 0) yield return current.ToString();
    }

    private static XElement Paras(XName name, IEnumerable<string> paragraphs) =>
        new XElement(name, paragraphs.Select(p => new XElement(Maml + "para", Plain(p))));

    /// <summary>Markdown emphasis and code marks mean nothing in a console.</summary>
    private static string Plain(string text) => Regex.Replace(text, @"`([^`]*)`|\*\*([^*]+)\*\*", m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);

    private static XElement ToCommand(Doc doc)
    {
        int dash = doc.Name.IndexOf('-');
        var sets = doc.Parameters.SelectMany(p => SetsOf(p)).Where(s => s != "(All)").Distinct().ToList();
        if (sets.Count == 0) sets.Add("(All)");
        return new XElement(Command + "command",
            new XElement(Command + "details",
                new XElement(Command + "name", doc.Name),
                new XElement(Command + "verb", dash > 0 ? doc.Name.Substring(0, dash) : doc.Name),
                new XElement(Command + "noun", dash > 0 ? doc.Name.Substring(dash + 1) : ""),
                Paras(Maml + "description", doc.Synopsis)),
            Paras(Maml + "description", doc.Description),
            new XElement(Command + "syntax", sets.Select(set => new XElement(Command + "syntaxItem",
                new XElement(Maml + "name", doc.Name),
                InHelpOrder(doc.Parameters).Where(p => SetsOf(p).Contains("(All)") || SetsOf(p).Contains(set)).Select(p => ParameterElement(p, set))))),
            new XElement(Command + "parameters", InHelpOrder(doc.Parameters).Select(p => ParameterElement(p, null))),
            new XElement(Command + "inputTypes", doc.Inputs.Select(t => new XElement(Command + "inputType",
                new XElement(Dev + "type", new XElement(Maml + "name", t.Type)), Paras(Maml + "description", t.Text)))),
            new XElement(Command + "returnValues", doc.Outputs.Select(t => new XElement(Command + "returnValue",
                new XElement(Dev + "type", new XElement(Maml + "name", t.Type)), Paras(Maml + "description", t.Text)))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", doc.Notes.Select(n => new XElement(Maml + "para", Plain(n))))),
            new XElement(Command + "examples", doc.Examples.Select(e => new XElement(Command + "example",
                new XElement(Maml + "title", "-------------------------- " + e.Title + " --------------------------"),
                new XElement(Dev + "code", e.Code),
                Paras(Dev + "remarks", e.Remarks)))),
            new XElement(Command + "relatedLinks", doc.Links.Select(l => new XElement(Maml + "navigationLink",
                new XElement(Maml + "linkText", l.Text),
                new XElement(Maml + "uri", l.Uri.StartsWith("http", StringComparison.OrdinalIgnoreCase) ? l.Uri : "")))));
    }

    /// <summary>The cmdlet's own parameters in document order, then -WhatIf and -Confirm, as PowerShell's own help lists them.</summary>
    private static IEnumerable<Param> InHelpOrder(List<Param> parameters)
    {
        int Rank(Param p) => p.Name.Equals("WhatIf", StringComparison.OrdinalIgnoreCase) ? 1 : p.Name.Equals("Confirm", StringComparison.OrdinalIgnoreCase) ? 2 : 0;
        return parameters.Select((p, index) => (p, index)).OrderBy(x => Rank(x.p)).ThenBy(x => x.index).Select(x => x.p);
    }

    private static IEnumerable<string> SetsOf(Param p) => p.Get("Parameter Sets", "(All)").Split(',').Select(s => s.Trim()).Where(s => s.Length > 0);

    /// <summary>In a syntax item (set != null) Required and Position come from that set's yaml line when it lists several.</summary>
    private static XElement ParameterElement(Param p, string? set)
    {
        string type = p.Get("Type", "Object");
        bool isSwitch = type == "SwitchParameter";
        string required = p.Get("Required", "False");
        string position = p.Get("Position", "Named");
        string aliases = p.Get("Aliases", "none");
        var element = new XElement(Command + "parameter",
            new XAttribute("required", PerSet(required, set).Equals("True", StringComparison.OrdinalIgnoreCase) ? "true" : "false"),
            new XAttribute("variableLength", type.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", p.Get("Accept wildcard characters", "False").Equals("True", StringComparison.OrdinalIgnoreCase) ? "true" : "false"),
            new XAttribute("pipelineInput", p.Get("Accept pipeline input", "False")),
            new XAttribute("position", PerSet(position, set).ToLowerInvariant() == "named" ? "named" : PerSet(position, set)),
            new XAttribute("aliases", aliases),
            new XElement(Maml + "name", p.Name),
            Paras(Maml + "description", p.Description));
        if (!isSwitch) element.Add(new XElement(Command + "parameterValue", new XAttribute("required", "true"), new XAttribute("variableLength", "false"), type));
        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")));
        element.Add(new XElement(Dev + "defaultValue", p.Get("Default value", "None")));
        return element;
    }

    /// <summary>"True (Fields), False (InputObject)" style values; a plain value applies to every set.</summary>
    private static string PerSet(string value, string? set)
    {
        if (!value.Contains("(")) return value;
        foreach (Match m in Regex.Matches(value, @"(\w+)\s*\(([^)]*)\)"))
        {
            if (set == null || m.Groups[2].Value.Split(',').Select(s => s.Trim()).Contains(set)) return m.Groups[1].Value;
        }
        return Regex.Match(value, @"^\w+").Value;
    }
}
