using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ReproBundle.Tests.Notebooks;

/// <summary>
/// Finds a formula written inside a notebook code cell (issue 9, item 7): any <c>Math.</c> member, and any arithmetic
/// operator (+ - * / %, and their compound assignments) between numbers or identifiers, found in the cell's C# syntax
/// tree, so comments and string literals never count and a formula cannot hide behind spacing or line breaks. Two things
/// are not formulas and pass: string concatenation (an operand that is a string literal or an interpolated string), and
/// scaling by a literal power of ten of at least 1e3 on the right (an SI prefix for display, e.g. bytes / 1e9 as GB).
/// </summary>
internal static class NotebookArithmetic
{
    private static readonly CSharpParseOptions Script = CSharpParseOptions.Default.WithKind(SourceCodeKind.Script).WithLanguageVersion(LanguageVersion.Latest);

    private static readonly HashSet<SyntaxKind> Operators =
    [
        SyntaxKind.AddExpression, SyntaxKind.SubtractExpression, SyntaxKind.MultiplyExpression, SyntaxKind.DivideExpression, SyntaxKind.ModuloExpression,
        SyntaxKind.AddAssignmentExpression, SyntaxKind.SubtractAssignmentExpression, SyntaxKind.MultiplyAssignmentExpression,
        SyntaxKind.DivideAssignmentExpression, SyntaxKind.ModuloAssignmentExpression,
    ];

    /// <summary>Each formula found in <paramref name="code"/>, as its source text (empty when the cell only calls the library).</summary>
    public static IReadOnlyList<string> Find(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var found = new List<string>();
        foreach (var node in root.DescendantNodes())
        {
            if (node is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "Math" } } math)
            {
                found.Add(math.ToString());
                continue;
            }
            if (!Operators.Contains(node.Kind())) continue;
            var (left, right) = node switch
            {
                BinaryExpressionSyntax b => (b.Left, b.Right),
                AssignmentExpressionSyntax a => (a.Left, a.Right),
                _ => throw new InvalidOperationException(node.Kind().ToString()),
            };
            if (node.Kind() is SyntaxKind.AddExpression or SyntaxKind.AddAssignmentExpression && (IsText(left) || IsText(right))) continue;
            if (node.Kind() is SyntaxKind.MultiplyExpression or SyntaxKind.DivideExpression && IsSiPrefix(right)) continue;
            found.Add(node.ToString());
        }
        return found;
    }

    private static bool IsText(ExpressionSyntax e) =>
        e is InterpolatedStringExpressionSyntax or LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression }
        || e is BinaryExpressionSyntax { RawKind: (int)SyntaxKind.AddExpression } b && (IsText(b.Left) || IsText(b.Right));

    private static bool IsSiPrefix(ExpressionSyntax e) =>
        e is LiteralExpressionSyntax { RawKind: (int)SyntaxKind.NumericLiteralExpression } literal
        && literal.Token.Value is double or int or long && Convert.ToDouble(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture) is var v
        && v >= 1e3 && Math.Log10(v) is var exponent && exponent == Math.Round(exponent);
}
