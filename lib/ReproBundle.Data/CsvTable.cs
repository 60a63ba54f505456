using System.Text;

namespace ReproBundle.Data;

/// <summary>One data row of a CSV file, with the 1-based line it starts on, for error messages.</summary>
public sealed class CsvRow
{
    private readonly CsvTable _table;
    private readonly string[] _cells;

    internal CsvRow(CsvTable table, int line, string[] cells)
    {
        _table = table;
        Line = line;
        _cells = cells;
    }

    /// <summary>The 1-based line number of the row in its file.</summary>
    public int Line { get; }

    /// <summary>The raw text of column <paramref name="column"/> (trimmed).</summary>
    public string this[string column] => _cells[_table.ColumnIndex(column)].Trim();

    /// <summary>The cell parsed as an <see cref="Interval"/>; a bad cell raises a message naming file, line and column.</summary>
    public Interval Interval(string column)
    {
        var text = this[column];
        if (!ReproBundle.Interval.TryParse(text, out var value, out var error))
        {
            throw Error(column, error);
        }
        return value;
    }

    /// <summary>The cell as an interval, or null when it reads "n/a" (a value the paper does not give).</summary>
    public Interval? OptionalInterval(string column) =>
        string.Equals(this[column], "n/a", StringComparison.OrdinalIgnoreCase) ? null : Interval(column);

    /// <summary>The cell as a non-empty string.</summary>
    public string Required(string column)
    {
        var text = this[column];
        if (text.Length == 0)
        {
            throw Error(column, "is empty");
        }
        return text;
    }

    /// <summary>An input error that names the file, this row's line and the column.</summary>
    public BundleInputException Error(string column, string problem) =>
        BundleInputException.AtLine(_table.Path, Line, $"column '{column}': {problem}");
}

/// <summary>
/// A small RFC 4180 CSV reader (quoted cells, doubled quotes, LF or CRLF) that remembers line numbers, so a
/// bad cell is reported as <c>file:line: column 'x': reason</c>. The bundle's data files are small; this
/// favours precise messages over speed.
/// </summary>
public sealed class CsvTable
{
    private readonly Dictionary<string, int> _columns;

    /// <summary>The path the table was read from, as given.</summary>
    public string Path { get; }

    /// <summary>The header names in file order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>The data rows (blank lines and lines whose first unquoted character is '#' are skipped; a quoted cell starting with '#' is data).</summary>
    public IReadOnlyList<CsvRow> Rows { get; }

    private CsvTable(string path, IReadOnlyList<string> columns, List<(int Line, string[] Cells)> rows)
    {
        Path = path;
        Columns = columns;
        _columns = columns.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        Rows = rows.Select(r => new CsvRow(this, r.Line, r.Cells)).ToList();
    }

    internal int ColumnIndex(string column) =>
        _columns.TryGetValue(column, out var i)
            ? i
            : throw new BundleInputException(Path, $"has no column '{column}' (columns: {string.Join(", ", Columns)})");

    /// <summary>
    /// Reads <paramref name="path"/>, checking that the header holds every name in
    /// <paramref name="requiredColumns"/> and that every row has as many cells as the header.
    /// </summary>
    public static CsvTable Load(string path, params string[] requiredColumns)
    {
        return Parse(path, InputFile.ReadText(path), requiredColumns);
    }

    /// <summary>Parses CSV <paramref name="text"/> as if read from <paramref name="path"/>.</summary>
    public static CsvTable Parse(string path, string text, params string[] requiredColumns)
    {
        var records = Split(path, text);
        var data = records.Where(r => !(r.Cells.Length == 1 && r.Cells[0].Trim().Length == 0 && !r.FirstQuoted))
                          .Where(r => r.FirstQuoted || !r.Cells[0].TrimStart().StartsWith('#'))
                          .Select(r => (r.Line, r.Cells))
                          .ToList();
        if (data.Count == 0)
        {
            throw new BundleInputException(path, "is empty: expected a header row");
        }
        var header = data[0].Cells.Select(c => c.Trim()).ToArray();
        var duplicate = header.GroupBy(h => h).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw BundleInputException.AtLine(path, data[0].Line, $"header names column '{duplicate.Key}' twice");
        }
        foreach (var required in requiredColumns)
        {
            if (!header.Contains(required))
            {
                throw BundleInputException.AtLine(path, data[0].Line,
                    $"header lacks column '{required}' (expected: {string.Join(", ", requiredColumns)})");
            }
        }
        foreach (var row in data.Skip(1))
        {
            if (row.Cells.Length != header.Length)
            {
                throw BundleInputException.AtLine(path, row.Line,
                    $"has {row.Cells.Length} cells, the header has {header.Length}");
            }
        }
        return new CsvTable(path, header, data.Skip(1).ToList());
    }

    private static List<(int Line, string[] Cells, bool FirstQuoted)> Split(string path, string text)
    {
        var result = new List<(int, string[], bool)>();
        bool firstQuoted = false;
        var cells = new List<string>();
        var cell = new StringBuilder();
        int line = 1, recordLine = 1;
        bool quoted = false, cellWasQuoted = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"')
                    {
                        cell.Append('"');
                        i++;
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\0') throw BundleInputException.AtLine(path, line, "holds a NUL character");
                    if (c == '\n') line++;
                    cell.Append(c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when cell.Length == 0 && !cellWasQuoted:
                    quoted = true;
                    cellWasQuoted = true;
                    if (cells.Count == 0) firstQuoted = true;
                    break;
                case '\0':
                    throw BundleInputException.AtLine(path, line, "holds a NUL character");
                case '"':
                    throw BundleInputException.AtLine(path, line, "stray quote inside an unquoted cell");
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    cellWasQuoted = false;
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    result.Add((recordLine, cells.ToArray(), firstQuoted));
                    cells.Clear();
                    cell.Clear();
                    cellWasQuoted = false;
                    firstQuoted = false;
                    line++;
                    recordLine = line;
                    break;
                default:
                    if (cellWasQuoted)
                    {
                        throw BundleInputException.AtLine(path, line, "text after a closing quote");
                    }
                    cell.Append(c);
                    break;
            }
        }
        if (quoted)
        {
            throw BundleInputException.AtLine(path, recordLine, "quoted cell is never closed");
        }
        if (cell.Length > 0 || cells.Count > 0)
        {
            cells.Add(cell.ToString());
            result.Add((recordLine, cells.ToArray(), firstQuoted));
        }
        return result;
    }
}
