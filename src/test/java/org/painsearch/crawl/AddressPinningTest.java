package org.painsearch.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The crawler connects to the address it checked: a second, different DNS answer (DNS rebinding) never reaches the
 * connection; and IPv4 loopback or private addresses written inside IPv6 ones are refused like the plain ones.
 */
class AddressPinningTest {
    // Name -> the answers DNS gives, one per lookup; the last one repeats.
    private final Map<String, Deque<List<InetAddress>>> dns = new ConcurrentHashMap<>();

    private void answer(String host, String... addresses) throws Exception {
        var queue = dns.computeIfAbsent(host, h -> new ArrayDeque<>());
        for (String a : addresses) {
            queue.add(List.of(InetAddress.getByName(a)));
        }
        PinnedResolver.fakeDnsForTests(name -> {
            var q = dns.get(name);
            if (q == null) {
                return null;
            }
            synchronized (q) {
                return q.size() > 1 ? q.poll() : q.peek();
            }
        });
    }

    @AfterEach
    void realDnsAgain() {
        PinnedResolver.fakeDnsForTests(null);
    }

    @Test
    void afterTheCheckTheNameResolvesToTheCheckedAddressNotToASecondAnswer() throws Exception {
        // First a public address (a documentation range), then this machine: the classic rebinding pair.
        answer("rebind.test", "203.0.113.7", "127.0.0.1");
        var guard = new AddressGuard(false, Set.of());
        assertThat(guard.refusal(URI.create("http://rebind.test/notes"))).isNull();
        assertThat(InetAddress.getAllByName("rebind.test")).extracting(InetAddress::getHostAddress)
                .containsExactly("203.0.113.7");
        // The next check asks DNS again, sees this machine's address, and refuses.
        assertThat(guard.refusal(URI.create("http://rebind.test/notes"))).contains("loopback");
    }

    @Test
    void theHttpClientConnectsToThePinnedAddress() throws Exception {
        try (var web = new FakeWeb()) {
            web.html("/", "<html><body><p>Pinned page</p></body></html>");
            int port = URI.create(web.origin()).getPort();
            // Checked and pinned: 127.0.0.1, where the site listens; asked again, DNS would say 127.0.0.2 (nothing there).
            answer("pinned.test", "127.0.0.1", "127.0.0.2");
            PinnedResolver.resolveAndPin("pinned.test");
            var response = new Http(CrawlConfig.defaults()).get(URI.create("http://pinned.test:" + port + "/"), null, null);
            assertThat(response.status()).isEqualTo(200);
            assertThat(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8)).contains("Pinned page");
        }
    }

    @Test
    void ipv4AddressesInsideIpv6AreCheckedAsThemselves() throws Exception {
        var guard = new AddressGuard(false, Set.of());
        assertThat(guard.refusal(URI.create("http://[::127.0.0.1]/"))).contains("loopback");
        assertThat(guard.refusal(URI.create("http://[::ffff:127.0.0.1]/"))).contains("loopback");
        assertThat(guard.refusal(URI.create("http://[::10.0.0.1]/"))).contains("private");
        assertThat(guard.refusal(URI.create("http://[64:ff9b::7f00:1]/"))).contains("loopback");
        assertThat(guard.refusal(URI.create("http://[64:ff9b::a9fe:a9fe]/"))).contains("link-local");
        assertThat(guard.refusal(URI.create("http://[2002:c0a8:0101::1]/"))).contains("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("::5db8:d822"))).isNull(); // ::93.184.216.34
        assertThat(AddressGuard.privateKind(InetAddress.getByName("2606:4700::1"))).isNull();
    }
}
