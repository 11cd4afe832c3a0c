package org.painsearch.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crawler's small parts: address checks, normalization, charsets, content kinds, sources.yaml, Retry-After. */
class CrawlPartsTest {
    @TempDir
    Path dir;

    @Test
    void refusesNonPublicAddressesByKind() throws Exception {
        // Literal addresses only: resolving them contacts nobody.
        assertThat(AddressGuard.privateKind(InetAddress.getByName("127.0.0.1"))).isEqualTo("loopback");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("::1"))).isEqualTo("loopback");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("10.0.0.8"))).isEqualTo("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("172.16.5.4"))).isEqualTo("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("192.168.1.1"))).isEqualTo("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("100.64.0.1"))).isEqualTo("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("fd12::1"))).isEqualTo("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("169.254.169.254"))).isEqualTo("link-local");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("fe80::1"))).isEqualTo("link-local");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("224.0.0.1"))).isEqualTo("multicast");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("0.0.0.0"))).isEqualTo("unspecified");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("::ffff:10.0.0.1"))).isEqualTo("private");
        assertThat(AddressGuard.privateKind(InetAddress.getByName("93.184.216.34"))).isNull();
        assertThat(AddressGuard.privateKind(InetAddress.getByName("2606:4700::1"))).isNull();

        var guard = new AddressGuard(false, Set.of());
        assertThat(guard.refusal(URI.create("http://[::1]:8080/"))).isEqualTo(
                "refused: ::1 (0:0:0:0:0:0:0:1) is a loopback address; crawling those needs --allow-private");
        assertThat(guard.refusal(URI.create("file:///etc/passwd"))).isEqualTo("only http and https addresses are crawled (got: file:)");
        assertThat(new AddressGuard(true, Set.of()).refusal(URI.create("http://10.0.0.1/"))).isNull();
        assertThat(new AddressGuard(false, Set.of("127.0.0.1")).refusal(URI.create("http://127.0.0.1:9/"))).isNull();
    }

    @Test
    void normalizesAddresses() {
        assertThat(UrlNormalizer.normalize("HTTP://Example.ORG:80/a/../b/./c?b=2&a=1&utm_source=x#part"))
                .isEqualTo("http://example.org/b/c?a=1&b=2");
        assertThat(UrlNormalizer.normalize("https://example.org")).isEqualTo("https://example.org/");
        assertThat(UrlNormalizer.normalize("javascript:alert(1)")).isNull();
        assertThat(UrlNormalizer.normalize("mailto:a@b.c")).isNull();
        assertThat(UrlNormalizer.resolve("https://example.org/a/b", "../c d")).isEqualTo("https://example.org/c%20d");
        assertThat(UrlNormalizer.origin("https://example.org:8443/x")).isEqualTo("https://example.org:8443");
        assertThat(new Seed("https://example.org/blog/post?x=1", Seed.Scope.PATH, 1).prefix()).isEqualTo("https://example.org/blog/");
        assertThatThrownBy(() -> new Seed("ftp://example.org/", null, 1)).hasMessage("not an http or https address: ftp://example.org/");
    }

    @Test
    void decodesCharsetsFromHeaderBomMetaOrBytes() {
        var w1252 = Charset.forName("windows-1252");
        assertThat(ContentDecoder.decode("Café".getBytes(w1252), "text/html; charset=ISO-8859-1")).isEqualTo("Café");
        assertThat(ContentDecoder.decode("Café".getBytes(StandardCharsets.UTF_8), "text/html")).isEqualTo("Café");
        assertThat(ContentDecoder.decode("<meta charset=windows-1252>Café".getBytes(w1252), "text/html; charset=utf-8"))
                .isEqualTo("<meta charset=windows-1252>Café");
        assertThat(ContentDecoder.decode("Café — “x”".getBytes(w1252), null)).isEqualTo("Café — “x”");
        assertThat(ContentDecoder.decode("\uFEFFhé".getBytes(StandardCharsets.UTF_8), null)).isEqualTo("hé");
        assertThat(ContentDecoder.decode("hé".getBytes(StandardCharsets.UTF_16), null)).isEqualTo("hé");
    }

    @Test
    void recognisesContentByTypeAndFirstBytes() {
        assertThat(ContentKind.of("text/html; charset=utf-8", new byte[0])).isEqualTo(ContentKind.HTML);
        assertThat(ContentKind.of("text/xml", "<?xml version='1.0'?><!-- c --><rss>".getBytes())).isEqualTo(ContentKind.FEED);
        assertThat(ContentKind.of("application/xml", "<feed xmlns='http://www.w3.org/2005/Atom'>".getBytes()))
                .isEqualTo(ContentKind.FEED);
        assertThat(ContentKind.of("application/xml", "<urlset>".getBytes())).isEqualTo(ContentKind.SITEMAP);
        assertThat(ContentKind.of("application/xml", "<svg>".getBytes())).isEqualTo(ContentKind.OTHER);
        assertThat(ContentKind.of("text/plain", "WEBVTT\n".getBytes())).isEqualTo(ContentKind.VTT);
        assertThat(ContentKind.of("text/plain", "1\n00:00:01,000 --> 00:00:02,000\nx".getBytes())).isEqualTo(ContentKind.SRT);
        assertThat(ContentKind.of("text/plain", "Notes".getBytes())).isEqualTo(ContentKind.TEXT);
        assertThat(ContentKind.of(null, "<!DOCTYPE html><html>".getBytes())).isEqualTo(ContentKind.HTML);
        assertThat(ContentKind.of("application/pdf", "%PDF".getBytes())).isEqualTo(ContentKind.OTHER);
    }

    @Test
    void readsAndUpdatesSourcesYaml() throws Exception {
        Path file = dir.resolve("sources.yaml");
        Files.writeString(file, """
                seeds:
                  - https://example.org/
                  - url: https://example.org/blog/
                    scope: path
                    max-depth: 3
                feeds: [https://pod.example.org/feed.xml]
                sitemaps: [https://example.org/sitemap.xml]
                """);
        var s = SourcesFile.read(file);
        assertThat(s.seeds()).containsExactly(new Seed("https://example.org/", Seed.Scope.HOST, 1),
                new Seed("https://example.org/blog/", Seed.Scope.PATH, 3));
        assertThat(s.crawlSeeds()).hasSize(4).last().isEqualTo(new Seed("https://example.org/sitemap.xml", Seed.Scope.HOST, 0));
        assertThat(SourcesFile.add(file, List.of(new Seed("https://EXAMPLE.org", null, 1)), List.of("https://new.example/rss")))
                .isEqualTo(1);
        var again = SourcesFile.read(file);
        assertThat(again.feeds()).containsExactly("https://pod.example.org/feed.xml", "https://new.example/rss");
        assertThat(again.seeds()).hasSize(2);
        assertThat(again.sitemaps()).containsExactly("https://example.org/sitemap.xml");
        Files.writeString(file, "seeds:\n  - url: https://example.org/\n    scope: site\n");
        assertThatThrownBy(() -> SourcesFile.read(file)).hasMessage(file + ": seeds[0]: scope must be host or path (got: site)");
        assertThat(SourcesFile.read(dir.resolve("missing.yaml")).isEmpty()).isTrue();
    }

    @Test
    void readsRetryAfterInSecondsOrAsADate() {
        assertThat(PoliteClient.retryAfter("7")).contains(Duration.ofSeconds(7));
        assertThat(PoliteClient.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).contains(Duration.ZERO);
        assertThat(PoliteClient.retryAfter("soon")).isEmpty();
        assertThat(Robots.crawlDelay(Robots.parse("http://h/robots.txt", "User-agent: *\nCrawl-delay: 120\n".getBytes(),
                "text/plain"))).isEqualTo(Duration.ofSeconds(30));
    }
}
