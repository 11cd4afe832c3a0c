package org.painsearch.opensearch;

import java.io.IOException;
import java.time.Duration;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.util.Timeout;
import org.opensearch.client.json.jackson3.JacksonJsonpMapper;
import org.opensearch.client.opensearch.OpenSearchClient;
import org.opensearch.client.transport.httpclient5.ApacheHttpClient5TransportBuilder;

/**
 * An open client to one cluster: the official Java client on its Apache HttpClient 5 transport (pure Java, no
 * native library), reading JSON with the Jackson 3 painsearch already uses. Closing it closes the transport.
 */
public final class Connection implements AutoCloseable {
    /** How long to wait for a connection: a cluster that is down should be reported quickly, not after minutes. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    /** How long a single answer may take; bulk writes and closed-index updates stay well under it. */
    public static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(60);

    private final ClusterAddress address;
    private final OpenSearchClient client;

    private Connection(ClusterAddress address, OpenSearchClient client) {
        this.address = address;
        this.client = client;
    }

    /** A client for {@code address}; nothing is sent until the first request. */
    public static Connection open(ClusterAddress address) {
        var builder = ApacheHttpClient5TransportBuilder.builder(new HttpHost(address.scheme(), address.host(), address.port()));
        if (!address.pathPrefix().isEmpty()) {
            builder.setPathPrefix(address.pathPrefix());
        }
        var transport = builder
                .setMapper(new JacksonJsonpMapper())
                .setConnectionConfigCallback(c -> c.setConnectTimeout(Timeout.of(CONNECT_TIMEOUT)))
                .setRequestConfigCallback(r -> r.setConnectionRequestTimeout(Timeout.of(CONNECT_TIMEOUT))
                        .setResponseTimeout(Timeout.of(RESPONSE_TIMEOUT)))
                .build();
        return new Connection(address, new OpenSearchClient(transport));
    }

    public ClusterAddress address() {
        return address;
    }

    public OpenSearchClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        client._transport().close();
    }
}
