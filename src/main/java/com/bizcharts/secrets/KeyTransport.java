package com.bizcharts.secrets;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a key may be sent to a URL. Over plain http:// anyone on the path reads it, so a key goes only over
 * https://, or over http:// to this machine's own loopback (a local server, or an SSH tunnel's end, which is
 * encrypted beyond it). Anything else needs the user's explicit {@code --allow-insecure} (or {@code [security]
 * allow_insecure_http} for the workstation). The host is judged by its literal name, never resolved: a name that
 * resolves to 127.0.0.1 today may not tomorrow.
 */
public record KeyTransport(boolean allowInsecure) {

    public static final KeyTransport STRICT = new KeyTransport(false);

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    /**
     * Throws when {@code key} (named {@code keyName} in the message, never shown) may not go to {@code uri}.
     * A missing key sends nothing and is always fine.
     */
    public void check(URI uri, String key, String keyName) {
        if (key == null || key.isBlank()) return;
        String reason = refusal(uri, keyName);
        if (reason != null) throw new IllegalArgumentException(reason);
    }

    /** Why a key named {@code keyName} may not go to {@code uri}, or null when it may. */
    public String refusal(URI uri, String keyName) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") || allowInsecure || isLoopback(uri.getHost())) return null;
        return "refusing to send " + keyName + " over " + (scheme.isEmpty() ? "a URL without a scheme" : "plain " + scheme + "://")
                + " to " + uri.getHost() + ": anyone on the network path could read it; use https://, or pass"
                + " --allow-insecure (workstation: [security] allow_insecure_http = true) if this network is yours";
    }

    static boolean isLoopback(String host) {
        if (host == null) return false;
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) h = h.substring(1, h.length() - 1);
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || LOOPBACK_V4.matcher(h).matches();
    }
}
