using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Kiln.Serving.Http;

/// <summary>Requires the configured API key on every endpoint except the health checks, compared in constant time.</summary>
/// <remarks>TorchServe: token authorization; the key comes as <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-Api-Key: &lt;key&gt;</c>.</remarks>
internal sealed class ApiKeyCheck(string apiKey)
{
    private readonly byte[] _expected = SHA256.HashData(Encoding.UTF8.GetBytes(apiKey));

    /// <summary>Whether <paramref name="path"/> is a health check that load balancers call without credentials.</summary>
    public static bool IsOpen(PathString path) =>
        path.StartsWithSegments("/v2/health", StringComparison.Ordinal)
        || path.Equals("/healthz", StringComparison.Ordinal) || path.Equals("/livez", StringComparison.Ordinal) || path.Equals("/readyz", StringComparison.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next, ServerState state)
    {
        if (IsOpen(context.Request.Path))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var presented = Presented(context.Request);
        if (presented is not null && Matches(presented))
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var reason = presented is null
            ? "Missing API key; send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'."
            : "Invalid API key.";
        Log.Unauthorized(state.Logger, context.Request.Method, context.Request.Path, presented is null ? "missing API key" : "invalid API key");
        context.Response.Headers.WWWAuthenticate = "Bearer";
        await ErrorHandling.WriteErrorAsync(context, StatusCodes.Status401Unauthorized, reason).ConfigureAwait(false);
    }

    private static string? Presented(HttpRequest request)
    {
        if (request.Headers.TryGetValue("X-Api-Key", out var key) && key.Count == 1 && !string.IsNullOrEmpty(key[0]))
        {
            return key[0];
        }

        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            ? value["Bearer ".Length..].Trim()
            : null;
    }

    private bool Matches(string presented) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), _expected);
}
