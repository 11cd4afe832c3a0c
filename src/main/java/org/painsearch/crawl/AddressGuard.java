package org.painsearch.crawl;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Set;

/**
 * Keeps a crawl on the public web: only http and https, and no loopback, private, link-local, multicast or
 * unspecified address once the host name is resolved (unless allowed), IPv4 addresses written inside IPv6 ones
 * included. Checked before every request, redirects included. The answer checked is pinned (see
 * {@link PinnedResolver}), so the connection that follows goes to an address checked here.
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
        var checked = new java.util.ArrayList<InetAddress>();
        if (isLiteral(host)) {
            checked.addAll(java.util.List.of(InetAddress.getAllByName(host))); // an address as written: no lookup
        } else {
            checked.addAll(PinnedResolver.resolveAndPin(host));
            // What the JVM's cache will hand the connection: an entry from before the pin must pass too.
            checked.addAll(java.util.List.of(InetAddress.getAllByName(host)));
        }
        for (InetAddress a : checked) {
            String kind = privateKind(a);
            if (kind != null) {
                return "refused: " + host + (host.equals(a.getHostAddress()) ? "" : " (" + a.getHostAddress() + ")")
                        + " is a " + kind + " address; crawling those needs --allow-private";
            }
        }
        return null;
    }

    private static boolean isLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    /** The kind of non-public address {@code a} is ("loopback", "private", ...), or null for a public one. */
    static String privateKind(InetAddress a) {
        Inet4Address inside = embeddedIpv4(a);
        if (inside != null) {
            String kind = privateKind(inside);
            return kind != null ? kind : a.isLoopbackAddress() ? "loopback" : null;
        }
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

    /**
     * The IPv4 address an IPv6 one carries, for the forms that reach it: IPv4-compatible ({@code ::127.0.0.1}),
     * IPv4-mapped, NAT64 ({@code 64:ff9b::/96}) and 6to4 ({@code 2002::/16}); null otherwise.
     */
    static Inet4Address embeddedIpv4(InetAddress a) {
        if (!(a instanceof java.net.Inet6Address)) {
            return null;
        }
        byte[] b = a.getAddress();
        boolean zeros = true;
        for (int i = 0; i < 10; i++) {
            zeros &= b[i] == 0;
        }
        boolean compatible = zeros && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] & 0xfe) == 0);
        boolean mapped = zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
        try {
            if (compatible || mapped || nat64) {
                return (Inet4Address) InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return (Inet4Address) InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 2, 6));
            }
        } catch (UnknownHostException e) {
            return null; // four bytes are always an address
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
