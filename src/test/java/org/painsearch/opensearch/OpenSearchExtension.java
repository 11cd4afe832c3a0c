package org.painsearch.opensearch;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test methods the run's one OpenSearch cluster (a single node; tests that need more add nodes and remove
 * them again). It starts on first use, about 35 s, and stops when the whole run ends. A failed start is
 * remembered, so later classes fail at once with the same reason instead of waiting for it again.
 */
final class OpenSearchExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSearchExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSearchCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        var shared = context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, k -> Shared.start(), Shared.class);
        return shared.cluster();
    }

    /** The started cluster, or why it could not start; closed by JUnit when the run ends. */
    private record Shared(OpenSearchCluster started, RuntimeException failure) implements AutoCloseable {
        static Shared start() {
            try {
                return new Shared(OpenSearchCluster.start(1), null);
            } catch (org.opentest4j.TestAbortedException e) {
                return new Shared(null, e);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return new Shared(null, new ParameterResolutionException("the OpenSearch test cluster did not start: "
                        + e.getMessage(), e));
            } catch (AssertionError e) {
                return new Shared(null, new ParameterResolutionException(e.getMessage(), e));
            }
        }

        OpenSearchCluster cluster() {
            if (failure != null) {
                throw failure;
            }
            return started;
        }

        @Override
        public void close() throws Exception {
            if (started != null) {
                started.close();
            }
        }
    }
}
