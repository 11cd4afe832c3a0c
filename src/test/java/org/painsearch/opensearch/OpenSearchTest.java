package org.painsearch.opensearch;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * On a test class that talks to real OpenSearch nodes: its methods may take an {@link OpenSearchCluster}
 * parameter, the one cluster shared by every such class of the run. Tagged, so
 * {@code -Dexcluded.groups=benchmark,opensearch} leaves them out.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("opensearch")
@ExtendWith(OpenSearchExtension.class)
@interface OpenSearchTest {
}
