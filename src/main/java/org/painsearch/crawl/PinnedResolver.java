package org.painsearch.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * This JVM's host name resolver (installed as a service provider): a host the crawler's address guard has checked
 * resolves to the addresses it checked, so the HTTP connection that follows cannot be sent elsewhere by a second,
 * different DNS answer (DNS rebinding). Every other host is resolved as the JVM always does.
 */
public final class PinnedResolver extends InetAddressResolverProvider {
    // Host name (lowercase) -> the addresses last checked for it; replaced at every check, so never stale for long.
    private static final ConcurrentHashMap<String, List<InetAddress>> PINS = new ConcurrentHashMap<>();
    private static volatile InetAddressResolver builtin;
    // Tests put a fake DNS here: it answers the names it knows (null for the others, which DNS answers).
    private static volatile Function<String, List<InetAddress>> fakeDns;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                List<InetAddress> pinned = PINS.get(host.toLowerCase(Locale.ROOT));
                if (pinned == null) {
                    return lookup(host, policy);
                }
                int c = policy.characteristics();
                var allowed = pinned.stream().filter(a -> a instanceof Inet4Address ? (c & LookupPolicy.IPV4) != 0
                        : a instanceof Inet6Address && (c & LookupPolicy.IPV6) != 0).toList();
                if (allowed.isEmpty()) {
                    throw new UnknownHostException(host + ": no address of the kind asked for");
                }
                return allowed.stream();
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    @Override
    public String name() {
        return "painsearch pinned resolver";
    }

    /**
     * Asks DNS for {@code host} now, past the JVM's cache, and pins the answer: until the next call for this host,
     * every lookup of it in this JVM (the HTTP client's included) gets exactly these addresses.
     */
    static List<InetAddress> resolveAndPin(String host) throws UnknownHostException {
        if (builtin == null) {
            InetAddress.getAllByName("localhost"); // the JVM loads its resolver provider at the first lookup
        }
        if (builtin == null) {
            throw new IllegalStateException("the pinned resolver is not installed (META-INF/services is missing)");
        }
        var fresh = lookup(host, InetAddressResolver.LookupPolicy.of(
                InetAddressResolver.LookupPolicy.IPV4 | InetAddressResolver.LookupPolicy.IPV6)).toList();
        if (fresh.isEmpty()) {
            throw new UnknownHostException(host);
        }
        PINS.put(host.toLowerCase(Locale.ROOT), fresh);
        return fresh;
    }

    /** For tests: {@code answers} gives the addresses of the names it knows, null for the rest (null: DNS only). */
    static void fakeDnsForTests(Function<String, List<InetAddress>> answers) {
        fakeDns = answers;
    }

    private static Stream<InetAddress> lookup(String host, InetAddressResolver.LookupPolicy policy)
            throws UnknownHostException {
        Function<String, List<InetAddress>> fake = fakeDns;
        List<InetAddress> faked = fake == null ? null : fake.apply(host.toLowerCase(Locale.ROOT));
        return faked != null ? faked.stream() : builtin.lookupByName(host, policy);
    }
}
