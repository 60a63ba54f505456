using System.Runtime.InteropServices;
using ReproBundle.Data;

namespace ReproBundle.Output;

/// <summary>
/// Checks an output folder before a run writes anything near it: it must not be <c>/</c>, the user's home, a
/// repository root (a folder holding <c>ReproBundle.sln</c>), the data folder, a folder inside the data folder or a
/// folder that contains it, or an existing file. Paths are compared after resolving symbolic links, so a link
/// cannot smuggle the data folder in; a symbolic-link loop is reported as bad input.
/// </summary>
public static class OutputFolder
{
    /// <summary>The option every refusal names.</summary>
    public const string Option = "--output";

    /// <summary>Throws <see cref="BundleInputException"/> naming <c>--output</c> when <paramref name="outputRoot"/> may not be written.</summary>
    /// <param name="outputRoot">The output folder as given.</param>
    /// <param name="dataDirectory">The data folder of the run, or null when the command reads none.</param>
    public static void Check(string outputRoot, string? dataDirectory)
    {
        if (string.IsNullOrWhiteSpace(outputRoot) || outputRoot.Contains('\0'))
        {
            throw new BundleInputException(Option, "is empty; give a folder such as ./output");
        }
        var given = Path.GetFullPath(outputRoot);
        var status = Status(given);
        if (status.Kind == FileKind.SymbolicLink)
        {
            // A link to a folder is followed (its real folder is checked below); a link that leads nowhere is named as such.
            FileStatus target;
            try
            {
                target = FileStatus.Of(given, follow: true);
            }
            catch (IOException)
            {
                throw new BundleInputException(Option, $"'{outputRoot}' is a symbolic link that loops (or goes through a folder it may not search)");
            }
            if (target.Kind == FileKind.Missing) throw new BundleInputException(Option, $"'{outputRoot}' is a symbolic link whose target does not exist ('{BundleInputException.Shorten(new FileInfo(given).LinkTarget ?? "")}')");
            status = target;
        }
        if (status.Kind == FileKind.Regular) throw new BundleInputException(Option, $"'{outputRoot}' is an existing file, not a folder");
        if (status.Kind is not (FileKind.Missing or FileKind.Directory or FileKind.Unknown))
        {
            throw new BundleInputException(Option, $"'{outputRoot}' is {status.Describe()}, not a folder");
        }
        if (File.Exists(given)) throw new BundleInputException(Option, $"'{outputRoot}' is an existing file, not a folder");
        var output = RealPath(given, Option);
        if (File.Exists(output)) throw new BundleInputException(Option, $"'{outputRoot}' is an existing file, not a folder");
        if (output == "/") throw new BundleInputException(Option, "refusing to write into '/' (choose an empty or dedicated folder)");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (home.Length > 0 && Directory.Exists(home) && RealPath(home, Option) == output)
        {
            throw new BundleInputException(Option, $"refusing to write into your home folder '{outputRoot}' (choose a dedicated folder such as ./output)");
        }
        if (File.Exists(Path.Combine(output, "ReproBundle.sln")))
        {
            throw new BundleInputException(Option, $"refusing to write into the repository root '{outputRoot}' (the default is ./output)");
        }
        if (dataDirectory is not null && Directory.Exists(dataDirectory))
        {
            var data = RealPath(Path.GetFullPath(dataDirectory), "--data");
            if (data == output) throw new BundleInputException(Option, $"'{outputRoot}' is the data folder; outputs never go into data/");
            if (IsInside(data, output)) throw new BundleInputException(Option, $"'{outputRoot}' contains the data folder '{dataDirectory}'; choose a folder beside it");
            if (IsInside(output, data)) throw new BundleInputException(Option, $"'{outputRoot}' is inside the data folder '{dataDirectory}'; data/ is read-only");
        }
    }

    /// <summary>True when <paramref name="path"/> lies strictly inside <paramref name="folder"/> (both resolved, absolute).</summary>
    public static bool IsInside(string path, string folder)
    {
        var prefix = folder.EndsWith('/') ? folder : folder + "/";
        return path.Length > prefix.Length && path.StartsWith(prefix, StringComparison.Ordinal);
    }

    /// <summary>
    /// <paramref name="fullPath"/> with every symbolic link resolved: the deepest existing ancestor through the C library's
    /// <c>realpath</c>, the rest appended as given. Off Unix, the full path unchanged.
    /// </summary>
    public static string RealPath(string fullPath, string option)
    {
        if (!(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return fullPath.TrimEnd('/', '\\');
        var existing = fullPath.TrimEnd('/');
        if (existing.Length == 0) return "/";
        var rest = new Stack<string>();
        // Walk up to an ancestor that exists (lstat-wise); a dangling or looping link still "exists" here, so realpath reports it.
        for (var hops = 0; hops < 4096 && !Exists(existing); hops++)
        {
            rest.Push(Path.GetFileName(existing));
            existing = Path.GetDirectoryName(existing) ?? "/";
            if (existing == "/") break;
        }
        var ptr = NativeRealPath(existing, IntPtr.Zero);
        if (ptr == IntPtr.Zero)
        {
            var errno = Marshal.GetLastPInvokeError();
            var reason = errno switch
            {
                40 or 62 => "a symbolic-link loop",
                2 => "a symbolic link whose target does not exist",
                13 => "a folder without search permission",
                _ => $"a path that cannot be resolved (errno {errno})",
            };
            throw new BundleInputException(option, $"'{BundleInputException.Shorten(fullPath)}' goes through {reason}");
        }
        string resolved;
        try
        {
            resolved = Marshal.PtrToStringUTF8(ptr) ?? existing;
        }
        finally
        {
            Free(ptr);
        }
        while (rest.Count > 0) resolved = Path.Combine(resolved, rest.Pop());
        return resolved;
    }

    /// <summary>The status of <paramref name="path"/> itself; a path that cannot even be examined is refused naming the option.</summary>
    private static FileStatus Status(string path)
    {
        try
        {
            return FileStatus.Of(path);
        }
        catch (IOException e)
        {
            throw new BundleInputException(Option, e.Message);
        }
    }

    private static bool Exists(string path) => File.Exists(path) || Directory.Exists(path) || new FileInfo(path).LinkTarget is not null;

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true)]
    private static extern IntPtr NativeRealPath([MarshalAs(UnmanagedType.LPUTF8Str)] string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr ptr);
}
