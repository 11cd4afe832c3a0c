package org.painsearch.crawl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps a crawl on the public web: only http and https, and no loopback, private, link-local, multicast or
 * unspecified address once the host name is resolved (unless allowed). Checked before every request, redirects
 * included. The JVM caches the lookup, so the connection that follows goes to the address checked here.
 */
public final class AddressGuard {
    private final boolean allowPrivate;
    private final Set<String> allowedHosts;

    public AddressGuard(boolean allowPrivate, Set<String> allowedHosts) {
        this.allowPrivate = allowPrivate;
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).collect(java.util.stream.Collectors.toSet());
    }

    /**
     * Why {@code uri} must not be fetched, or null when it may be.
     *
     * @throws UnknownHostException when the host name does not resolve
     */
    public String refusal(URI uri) throws UnknownHostException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return "only http and https addresses are crawled (got: " + (scheme.isEmpty() ? uri : scheme + ":") + ")";
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            return "the address has no host: " + uri;
        }
        if (allowPrivate || allowedHosts.contains(host)) {
            return null;
        }
        for (InetAddress a : InetAddress.getAllByName(host)) {
            String kind = privateKind(a);
            if (kind != null) {
                return "refused: " + host + (host.equals(a.getHostAddress()) ? "" : " (" + a.getHostAddress() + ")")
                        + " is a " + kind + " address; crawling those needs --allow-private";
            }
        }
        return null;
    }

    /** The kind of non-public address {@code a} is ("loopback", "private", ...), or null for a public one. */
    static String privateKind(InetAddress a) {
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress()) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isMulticastAddress()) {
            return "multicast";
        }
        byte[] b = a.getAddress();
        boolean carrierNat = a instanceof Inet4Address && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean uniqueLocal = b.length == 16 && (b[0] & 0xfe) == 0xfc;
        if (a.isSiteLocalAddress() || carrierNat || uniqueLocal || a instanceof Inet4Address && (b[0] & 0xff) == 0) {
            return "private";
        }
        return null;
    }

    /** True when every address of the host is this machine's: the only hosts crawled without the 1 s minimum delay. */
    static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The host of {@code uri} in lowercase, IPv6 literals without brackets. */
    static String host(URI uri) {
        String h = uri.getHost();
        if (h == null) {
            return null;
        }
        h = h.toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }
}
