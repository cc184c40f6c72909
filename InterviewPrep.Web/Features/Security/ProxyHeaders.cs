using System.Net;
using IPNetwork = System.Net.IPNetwork;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace InterviewPrep.Web.Features.Security;

/// <summary>
/// Configuration section <c>ForwardedHeaders</c>: the reverse proxies whose X-Forwarded-For,
/// X-Forwarded-Proto and X-Forwarded-Host are believed. Each list takes indexed entries
/// (<c>ForwardedHeaders:KnownProxies:0</c>) or one value separated by <c>;</c> or <c>,</c>.
/// </summary>
public sealed class ProxyOptions
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Proxy addresses, such as <c>10.0.0.5</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR notation, such as <c>10.0.0.0/8</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public IReadOnlyList<IPAddress> Proxies => Split(KnownProxies).Select(IPAddress.Parse).ToList();

    public IReadOnlyList<IPNetwork> Networks => Split(KnownNetworks).Select(n => IPNetwork.Parse(n)).ToList();

    /// <summary>Whether any proxy is configured; with none, forwarded headers are ignored.</summary>
    public bool Any => Split(KnownProxies).Any() || Split(KnownNetworks).Any();

    public bool IsValid() =>
        Split(KnownProxies).All(p => IPAddress.TryParse(p, out _)) && Split(KnownNetworks).All(n => IPNetwork.TryParse(n, out _));

    private static IEnumerable<string> Split(IEnumerable<string> values) =>
        values.SelectMany(v => v.Split([';', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}

/// <summary>
/// Deployment behind a reverse proxy: the client's address, scheme and host come from the forwarded
/// headers only when the request arrives from a configured proxy. With no proxy configured the
/// headers are ignored (a client could send them itself).
/// </summary>
public static class ProxyHeaders
{
    public static IServiceCollection AddProxyHeaders(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section)
            // One value for the whole list (ForwardedHeaders__KnownProxies=10.0.0.5;10.0.0.6), which binding leaves out.
            .Configure<IConfiguration>((options, configuration) =>
            {
                options.KnownProxies.Add(configuration[$"{ProxyOptions.Section}:{nameof(ProxyOptions.KnownProxies)}"] ?? "");
                options.KnownNetworks.Add(configuration[$"{ProxyOptions.Section}:{nameof(ProxyOptions.KnownNetworks)}"] ?? "");
            })
            .Validate(o => o.IsValid(), "ForwardedHeaders:KnownProxies must be IP addresses and ForwardedHeaders:KnownNetworks CIDR networks (10.0.0.0/8).")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>, IConfiguration>((options, proxies, configuration) =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            // The defaults trust loopback; only what is configured is trusted.
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies.Value.Proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in proxies.Value.Networks)
            {
                options.KnownIPNetworks.Add(network);
            }

            // A forwarded host passes the same filter as a Host header.
            if (PublicUrls.AllowedHostsAreRestricted(configuration["AllowedHosts"]))
            {
                options.AllowedHosts = PublicUrls.AllowedHosts(configuration["AllowedHosts"]).ToList();
            }
        });
        return services;
    }

    /// <summary>Applies the forwarded headers of configured proxies; does nothing when none is configured.</summary>
    public static IApplicationBuilder UseProxyHeaders(this IApplicationBuilder app)
    {
        var proxies = app.ApplicationServices.GetRequiredService<IOptions<ProxyOptions>>().Value;
        return proxies.Any ? app.UseForwardedHeaders() : app;
    }
}
