package org.painsearch.opensearch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClusterAddressTest {
    @Test
    void theUsualFormsAreRead() {
        assertThat(ClusterAddress.parse("http://127.0.0.1:9200")).isEqualTo(new ClusterAddress("http", "127.0.0.1", 9200, ""));
        assertThat(ClusterAddress.parse("HTTPS://search.clinic.example")).isEqualTo(
                new ClusterAddress("https", "search.clinic.example", 9200, ""));
        assertThat(ClusterAddress.parse(" http://localhost:9201/opensearch/ ").toString())
                .isEqualTo("http://localhost:9201/opensearch");
        assertThat(ClusterAddress.parse("http://[::1]:9200").toString()).isEqualTo("http://[::1]:9200");
    }

    @Test
    void whatIsNotAnAddressIsSaidPlainly() {
        assertThatThrownBy(() -> ClusterAddress.parse("127.0.0.1:9200"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http://127.0.0.1:9200");
        assertThatThrownBy(() -> ClusterAddress.parse("ftp://host:21"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("an OpenSearch address starts with http:// or https://");
        assertThatThrownBy(() -> ClusterAddress.parse("http://admin:secret@host:9200"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a user");
        assertThatThrownBy(() -> ClusterAddress.parse(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no OpenSearch address given");
        assertThatThrownBy(() -> ClusterAddress.parse("http://host:99999"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
