using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.DotNet.Interactive.Documents;
using ReproBundle.Notebooks;

namespace ReproBundle.Cli;

/// <summary>
/// Writes a notebook's file-based twin (<c>notebooks/NN-name.cs</c>): the notebook's code cells in order as one
/// .NET 10 file-based app, its markdown as comments, each cell's displayed result printed through
/// <c>NotebookTwin.Show</c>. Script-only syntax is rewritten: <c>using</c> directives move to the top,
/// type declarations to the end, the two shared setup cells become <c>NotebookTwin.Setup</c>, and a
/// cell's trailing expression (the value the kernel shows) becomes a <c>Show(...)</c> call. Parsed with Roslyn
/// as script code, so the rewrite follows the syntax, not the text.
/// </summary>
internal static class NotebookTwinWriter
{
    /// <summary>The twin's file name: the notebook's with <c>.cs</c> for <c>.ipynb</c>.</summary>
    public static string TwinPath(string notebookPath) => Path.ChangeExtension(notebookPath, ".cs");

    /// <summary>The twin of the notebook at <paramref name="notebookPath"/>, as text (LF line ends).</summary>
    public static string Generate(string notebookPath)
    {
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        var document = NotebookFile.Read(notebookPath);
        var usings = new SortedSet<string>(StringComparer.Ordinal) { "using System;", "using System.IO;", "using System.Linq;", "using System.Collections.Generic;" };
        var types = new StringBuilder();
        var body = new StringBuilder();
        bool setupDone = false;
        // The step a cell belongs to: the last markdown heading above it (the notebook's title before the first step).
        var step = name;
        var options = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);
        foreach (var element in document.Elements)
        {
            var contents = (element.Contents ?? "").Replace("\r\n", "\n");
            if (NotebookFile.IsMarkdown(element))
            {
                if (contents.Split('\n').FirstOrDefault(l => l.StartsWith('#')) is { } heading)
                {
                    step = heading.TrimStart('#').Trim().Replace("\\$", "$", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal);
                }
                body.Append('\n');
                foreach (var line in contents.TrimEnd().Split('\n')) body.Append(line.Length == 0 ? "//" : "// " + line).Append('\n');
                continue;
            }
            var id = element.Id ?? "";
            body.Append($"\n// ---- cell {id} ----\n");
            bool stepWritten = false;
            if (contents.Contains("#load \"setup", StringComparison.Ordinal))
            {
                // The shared setup cells (build the library, #r its DLLs, register formatters, load data/):
                // the twin references the projects instead (ProjectsFor) and prints through NotebookTwin.
                if (!setupDone)
                {
                    body.Append($"Setup(\"{name}\");\nvar data = LoadData();\n");
                    setupDone = true;
                    stepWritten = true;
                }
            }
            var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(contents, options).GetRoot();
            // What this cell prints is labelled with its step (NotebookTwin.Step), so no value is printed under a bare cell id.
            if (!stepWritten && root.Members.Any(m => m is GlobalStatementSyntax)) body.Append($"Step({Literal(step)});\n");
            foreach (var u in root.Usings) usings.Add(u.WithoutTrivia().ToFullString().Trim());
            var members = root.Members.ToList();
            for (int i = 0; i < members.Count; i++)
            {
                var member = members[i];
                if (member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax expression } && i == members.Count - 1
                    && expression.SemicolonToken.IsMissing)
                {
                    body.Append(Leading(expression));
                    var code = expression.Expression.WithoutTrivia().ToFullString();
                    body.Append(IsVoidCall(expression.Expression) ? $"{code};" : $"Show({code}, {Literal(Unit(expression, contents))}, \"{id}\");");
                    body.Append(Trailing(expression)).Append('\n');
                }
                else if (member is GlobalStatementSyntax statement)
                {
                    body.Append(WithoutDirectives(statement.ToFullString()));
                }
                else if (member is FieldDeclarationSyntax or MethodDeclarationSyntax)
                {
                    // A script parses `double C = 1;` as a field and a local function as a method: in a
                    // file-based app they are a local variable and a local function, in place.
                    body.Append(WithoutDirectives(member.ToFullString()));
                }
                else
                {
                    types.Append(member.ToFullString());
                }
            }
            if (!body.ToString().EndsWith('\n')) body.Append('\n');
        }
        var text = new StringBuilder();
        text.Append($"// {name}.cs: the file-based twin of {name}.ipynb, generated by `notebooks twins` (lib/ReproBundle.Cli); do not edit,\n");
        text.Append("// change the notebook and regenerate. Run it from notebooks/ with the .NET 10 SDK alone:\n");
        text.Append($"//     dotnet run {name}.cs\n");
        text.Append("// Each code cell follows in order; what the notebook shows is printed with its step and unit, charts are written\n");
        text.Append($"// to output/twins/{name}/ and their paths printed; markdown cells are comments.\n");
        // The projects the notebook's setup cells reference: the model, the loader and the display project for every
        // notebook (setup.csx), lib/ReproBundle as well for those that load setup-library.csx (05-08).
        foreach (var project in ProjectsFor(document)) text.Append($"#:project ../{project}\n");
        // A file-based app defaults to PublishAot=true, which turns off reflection-based System.Text.Json (the
        // registry lint serializes with it): the twins run as ordinary JIT programs, like the CLI.
        text.Append("#:property PublishAot=false\n");
        text.Append("#:property TreatWarningsAsErrors=false\n");
        text.Append("#:property Nullable=disable\n");
        text.Append("#:property GenerateDocumentationFile=false\n");
        foreach (var u in usings) text.Append(u).Append('\n');
        text.Append("using static ReproBundle.Notebooks.NotebookTwin;\n");
        text.Append(body);
        if (types.Length > 0) text.Append("\n// Types declared in the notebook's cells (a file-based app declares them after its statements).\n").Append(types);
        return text.ToString().Replace("\r\n", "\n").TrimEnd('\n') + "\n";
    }

    /// <summary>The display project, whose build output setup.csx references (it brings the model and the loader).</summary>
    public const string DisplayProject = NotebookExecution.DisplayProject;

    /// <summary>The loader project, named as well so a twin's references read as the notebook's (model and loader, then display).</summary>
    public const string DataProject = "lib/ReproBundle.Data/ReproBundle.Data.csproj";

    /// <summary>The shared setup file of the notebooks that show what lib/ReproBundle computes (05-08).</summary>
    public const string LibrarySetup = "setup-library.csx";

    /// <summary>
    /// The projects a twin references (<c>#:project</c>, relative to the repository root): the loader and the display
    /// project for every notebook, and <see cref="ReproBundle.Notebooks.NotebookExecution.LibraryProject"/> only for a
    /// notebook whose cells load <see cref="LibrarySetup"/>, so a twin of 01-04 builds and loads no more than its notebook.
    /// </summary>
    public static IReadOnlyList<string> ProjectsFor(InteractiveDocument document) =>
        document.Elements.Any(e => !NotebookFile.IsMarkdown(e) && (e.Contents ?? "").Contains($"#load \"{LibrarySetup}\"", StringComparison.Ordinal))
            ? [DataProject, DisplayProject, NotebookExecution.LibraryProject]
            : [DataProject, DisplayProject];

    /// <summary>Whether a trailing expression shows nothing in the kernel: a call of Console.Write/WriteLine or display.</summary>
    private static bool IsVoidCall(ExpressionSyntax expression) =>
        expression is InvocationExpressionSyntax call && call.Expression.ToString() is "Console.Write" or "Console.WriteLine" or "display";

    /// <summary>The unit the notebook's cell gives its result in: the comment after the trailing expression (<c>x // USD per hour</c>), or empty.</summary>
    private static string Unit(ExpressionStatementSyntax expression, string cell)
    {
        // With no semicolon the comment after the expression is trivia of whatever token follows, so it is read from the text.
        var rest = cell[expression.Expression.Span.End..];
        var line = rest.Split('\n')[0];
        int comment = line.IndexOf("//", StringComparison.Ordinal);
        return comment >= 0 && line[..comment].Trim().Trim(';').Length == 0 ? line[(comment + 2)..].Trim() : "";
    }

    /// <summary>A C# string literal of <paramref name="text"/>.</summary>
    private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    private static string Leading(SyntaxNode node) => WithoutDirectives(node.GetLeadingTrivia().ToFullString());

    private static string Trailing(SyntaxNode node) => node.GetTrailingTrivia().ToFullString().TrimEnd('\n', '\r');

    /// <summary>The text without script directives (<c>#load</c>, <c>#r</c>, <c>#!</c>), which a file-based app does not accept.</summary>
    private static string WithoutDirectives(string text) =>
        string.Concat(text.Split('\n').Select((l, i) => (l, i)).Where(p => !IsScriptDirective(p.l)).Select(p => p.l + "\n")).TrimEnd('\n') is var t && text.EndsWith('\n') ? t + "\n" : t;

    private static bool IsScriptDirective(string line)
    {
        var l = line.TrimStart();
        return l.StartsWith("#load ", StringComparison.Ordinal) || l.StartsWith("#r ", StringComparison.Ordinal) || l.StartsWith("#!", StringComparison.Ordinal);
    }
}
