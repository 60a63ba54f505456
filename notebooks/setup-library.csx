// Shared setup, step 3, only in the notebooks that show what lib/ReproBundle computes (05 figures, 06 registry,
// 07 Monte Carlo and break-even, 08 claims audit); a test checks the cell is the same in each and absent from 01-04,
// which need only the model, the loader and the display project that setup.csx references. It has to be a cell of its
// own after setup.csx for the same reason setup.csx follows setup-build.csx: a `#r` is resolved before any code of its
// cell runs. The library's dependencies (PuppeteerSharp, Markdig, JsonSchema.Net, ...) sit beside it in its build
// output, where the kernel finds them; the model, the loader, Deedle and Plotly.NET are the ones setup.csx loaded.
#r "../lib/ReproBundle/bin/Release/net10.0/ReproBundle.dll"
