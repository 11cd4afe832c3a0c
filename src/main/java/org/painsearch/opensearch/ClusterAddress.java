package org.painsearch.opensearch;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Where an OpenSearch cluster answers over HTTP: {@code http(s)://host[:port][/prefix]}, port 9200 when left out. */
public record ClusterAddress(String scheme, String host, int port, String pathPrefix) {
    /** OpenSearch's usual HTTP port. */
    public static final int DEFAULT_PORT = 9200;

    public ClusterAddress {
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("an OpenSearch address starts with http:// or https://");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("an OpenSearch address needs a host name, as in http://127.0.0.1:9200");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("an OpenSearch port is between 1 and 65535, not " + port);
        }
        pathPrefix = pathPrefix == null || pathPrefix.equals("/") ? "" : pathPrefix.replaceAll("/+$", "");
    }

    /** Reads an address as a person types it; a clear {@link IllegalArgumentException} says what is wrong. */
    public static ClusterAddress parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("no OpenSearch address given; use one like http://127.0.0.1:9200");
        }
        URI uri;
        try {
            uri = new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("'" + text + "' is not an address like http://127.0.0.1:9200");
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + text + "' is not an address like http://127.0.0.1:9200");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("'" + text + "': give the cluster's address only, without a user, "
                    + "a query or a fragment");
        }
        return new ClusterAddress(uri.getScheme().toLowerCase(Locale.ROOT), uri.getHost(),
                uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), uri.getPath());
    }

    @Override
    public String toString() {
        String h = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return scheme + "://" + h + ":" + port + pathPrefix;
    }
}
