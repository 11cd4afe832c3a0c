package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/** How a failed connection is put into words: the cause, found anywhere in the chain, never a Java type name. */
class UnreachableReasonTest {
    private static final ClusterAddress ADDRESS = ClusterAddress.parse("http://search.clinic.example:9200");

    @Test
    void theCauseIsNamedWhereverItIsInTheChain() {
        assertThat(ClusterCheck.reason(new IOException("wrapped", new UnknownHostException("search.clinic.example")), ADDRESS))
                .isEqualTo("unknown host search.clinic.example");
        assertThat(ClusterCheck.reason(new ConnectException("Connection refused"), ADDRESS)).isEqualTo("connection refused");
        assertThat(ClusterCheck.reason(new InterruptedIOException("Connect timed out"), ADDRESS))
                .isEqualTo("no answer within 3 s");
    }

    @Test
    void anyOtherFailureKeepsItsOwnWords() {
        assertThat(ClusterCheck.reason(new IOException("Connection reset by peer"), ADDRESS))
                .isEqualTo("connection reset by peer");
        assertThat(ClusterCheck.reason(new IOException(), ADDRESS)).isEqualTo("the connection failed");
    }

    @Test
    void theMessageSaysWhatToDo() {
        var status = new ClusterStatus.Unreachable(ADDRESS, "unknown host search.clinic.example");
        assertThat(status.usable()).isFalse();
        assertThat(status.message()).isEqualTo("Nothing answers at http://search.clinic.example:9200 (unknown host "
                + "search.clinic.example). Start the OpenSearch cluster, or give its address with --opensearch-url.");
    }
}
