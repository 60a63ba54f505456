using PuppeteerSharp;

namespace ReproBundle.Tests.Browser;

/// <summary>The tab every browser test opens its pages in.</summary>
public static class OfflineTabs
{
    /// <summary>
    /// A new tab with the network switched off (every page of the bundle must work offline) and 180 s for each wait and
    /// navigation, generous for a loaded 2-core machine.
    /// </summary>
    public static async Task<IPage> NewOfflineTabAsync(this IBrowser browser)
    {
        var tab = await browser.NewPageAsync();
        tab.DefaultTimeout = 180_000;
        tab.DefaultNavigationTimeout = 180_000;
        await tab.SetOfflineModeAsync(true);
        return tab;
    }
}
