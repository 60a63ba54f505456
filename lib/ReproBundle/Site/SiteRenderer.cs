using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace ReproBundle.Site;

/// <summary>
/// Renders the site's Razor components (§7 site) to static HTML with <see cref="HtmlRenderer"/>: every value a template
/// writes with <c>@</c> is encoded by the standard HTML encoder (<see cref="HtmlEncoder"/> over all of Unicode: &amp; &lt; &gt; " ' + as character references, text in any script as is); only <see cref="MarkupString"/> values (Markdown
/// rendered by <see cref="Html.Markdown"/>) pass as markup.
/// </summary>
internal sealed class SiteRenderer : IDisposable
{
    private readonly ServiceProvider _services;
    private readonly HtmlRenderer _renderer;

    /// <summary>With a reviewer's assumptions, the comparison every page's banner sums up (null: no banner).</summary>
    public SiteReview? Review { get; init; }

    public SiteRenderer()
    {
        var services = new ServiceCollection();
        services.AddSingleton(HtmlEncoder.Create(UnicodeRanges.All));
        _services = services.BuildServiceProvider();
        _renderer = new HtmlRenderer(_services, NullLoggerFactory.Instance);
    }

    /// <summary>Renders one page: <typeparamref name="TBody"/> with <paramref name="parameters"/> inside <see cref="SiteLayout"/>.</summary>
    public string Page<TBody>(string path, string title, IReadOnlyDictionary<string, object?> parameters) where TBody : IComponent
    {
        RenderFragment body = builder =>
        {
            builder.OpenComponent<TBody>(0);
            var sequence = 1;
            foreach (var (name, value) in parameters) builder.AddComponentParameter(sequence++, name, value);
            builder.CloseComponent();
        };
        return Render<SiteLayout>(new Dictionary<string, object?>
        {
            [nameof(SiteLayout.Path)] = path,
            [nameof(SiteLayout.Title)] = title,
            [nameof(SiteLayout.Review)] = Review,
            [nameof(SiteLayout.ChildContent)] = body,
        });
    }

    private string Render<T>(Dictionary<string, object?> parameters) where T : IComponent =>
        _renderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await _renderer.RenderComponentAsync<T>(ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        }).GetAwaiter().GetResult();

    public void Dispose()
    {
        _renderer.Dispose();
        _services.Dispose();
    }
}
