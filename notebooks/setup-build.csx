// Shared setup, step 1 of 2: loaded by the first code cell of every notebook (a test checks the cell is the
// same everywhere). It finds the bundle, builds the library when its DLL is missing or older than its
// sources, and lets Deedle and Plotly.NET run inside the notebook kernel. Step 2 (setup.csx) references the
// built model, loader and display project; it has to be a separate cell because a `#r` is resolved before any
// code of its cell runs.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

// Why this handler: the kernel (dotnet-repl 0.3.259, .NET Interactive) ships FSharp.Core 10.0.0.0, while
// Deedle 8.1.0 and Plotly.NET 6.0.0 are compiled against FSharp.Core 10.1.0.0 and ask for that version.
// The kernel's load context already holds 10.0 and will not load a second copy, so the first Deedle or
// Plotly.NET call would fail with "FileNotFoundException: FSharp.Core, Version=10.1.0.0". Answering that
// request with the FSharp.Core the kernel already loaded works for everything these notebooks call (the
// headless notebook test runs them all). Compiled code (library, CLI, tests) is not affected: it
// references FSharp.Core 10.1 directly. See ENVIRONMENT.md, "FSharp.Core in the notebook kernel".
var kernelFSharpCore = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
    ?? Assembly.Load(new AssemblyName("FSharp.Core"));
AssemblyLoadContext.Default.Resolving += (context, name) => name.Name == "FSharp.Core" ? kernelFSharpCore : null;

// Invariant culture for everything the notebooks print, whatever the machine's locale: a decimal point, as in
// the paper and the CSV outputs, and executed copies that are the same bytes under de-DE as under en-US.
System.Globalization.CultureInfo.DefaultThreadCurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.DefaultThreadCurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.InvariantCulture;

// The bundle root: the folder above the kernel's working directory that holds ReproBundle.sln. VS Code
// starts the kernel in the notebook's folder; headless runs start dotnet-repl from notebooks/ as well.
static string FindBundleRoot()
{
    for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "ReproBundle.sln"))) return dir.FullName.Replace('\\', '/');
    }
    throw new InvalidOperationException(
        $"The kernel runs in {Directory.GetCurrentDirectory()}, which is not inside the bundle. Open the notebook from the bundle's " +
        "notebooks/ folder (VS Code then starts the kernel there), or run dotnet-repl from notebooks/.");
}

var BundleRoot = FindBundleRoot();

// The one data root every notebook reads. `reproduce --notebooks --data DIR` passes its DIR here.
var DataRoot = (Environment.GetEnvironmentVariable("REPROBUNDLE_DATA") ?? $"{BundleRoot}/data").Replace('\\', '/');

// A reviewer's assumptions file, the same YAML or JSON file `reproduce --assumptions` takes: set
// REPROBUNDLE_ASSUMPTIONS=path (relative to the kernel's working directory, notebooks/) and setup.csx applies it
// to `data` through the loader, with the loader's file:line errors. `reproduce --notebooks --assumptions F` sets it.
var AssumptionsFile = Environment.GetEnvironmentVariable("REPROBUNDLE_ASSUMPTIONS") is { Length: > 0 } assumptionsPath
    ? Path.GetFullPath(assumptionsPath).Replace('\\', '/')
    : null;

// Build the library when its DLL, or the display project's, is missing or older than any of the sources it is built
// from. The library does not reference the display project, so both are built (each builds the model, the loader and
// the chart page project it needs): setup.csx references the display project's output (every notebook), setup-library.csx
// the library's (notebooks 05-08 only).
var LibraryDll = $"{BundleRoot}/lib/ReproBundle/bin/Release/net10.0/ReproBundle.dll";
var DisplayDll = $"{BundleRoot}/lib/ReproBundle.Display/bin/Release/net10.0/ReproBundle.Display.dll";
{
    // The newest source of each project, walking its folders once and never into bin/ or obj/ (which hold hundreds
    // of build files): this check runs at the start of every notebook.
    static DateTime NewestSource(string folder)
    {
        var newest = DateTime.MinValue;
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (file.EndsWith(".cs") || file.EndsWith(".razor") || file.EndsWith(".csproj"))
            {
                var written = File.GetLastWriteTimeUtc(file);
                if (written > newest) newest = written;
            }
        }
        foreach (var sub in Directory.EnumerateDirectories(folder))
        {
            var name = Path.GetFileName(sub);
            if (name is "bin" or "obj") continue;
            var written = NewestSource(sub);
            if (written > newest) newest = written;
        }
        return newest;
    }
    var shared = new[] { $"{BundleRoot}/Directory.Build.props", $"{BundleRoot}/Directory.Packages.props" }.Max(File.GetLastWriteTimeUtc);
    var newestOfDisplay = new[] { "ReproBundle.Model", "ReproBundle.Data", "ReproBundle.Charts", "ReproBundle.Display" }
        .Select(project => NewestSource($"{BundleRoot}/lib/{project}")).Append(shared).Max();
    var newestOfLibrary = new[] { newestOfDisplay, NewestSource($"{BundleRoot}/lib/ReproBundle") }.Max();
    bool Stale(string dll, DateTime newestSource) => !File.Exists(dll) || File.GetLastWriteTimeUtc(dll) < newestSource;
    if (Stale(DisplayDll, newestOfDisplay) || Stale(LibraryDll, newestOfLibrary))
    {
        if (AppDomain.CurrentDomain.GetAssemblies().Any(a => a.GetName().Name is "ReproBundle" or "ReproBundle.Display"))
        {
            Console.WriteLine("The ReproBundle library changed since this kernel loaded it: restart the kernel, then run from the top.");
        }
        Console.WriteLine("Building the ReproBundle library (its DLL is missing or older than its sources) ...");
        foreach (var project in new[] { "lib/ReproBundle/ReproBundle.csproj", "lib/ReproBundle.Display/ReproBundle.Display.csproj" })
        {
            var build = new ProcessStartInfo("dotnet", $"build {project} -c Release --nologo -v quiet")
            {
                WorkingDirectory = BundleRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(build);
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"Building {project} failed (dotnet build exited with {process.ExitCode}). Fix the error below, " +
                    $"or run `dotnet build {project} -c Release` in {BundleRoot} to see it in full.\n{output.Result}{errors.Result}");
            }
        }
        Console.WriteLine("Built.");
    }
}
