package org.painsearch.opensearch;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands test methods the run's one OpenSearch cluster (a single node; tests that need more add nodes and remove
 * them again). It starts on first use (20 s on a quiet 2-core machine, over a minute on a busy one) and stops when the
 * whole run ends. A failed start is
 * remembered, so later classes fail at once with the same reason instead of waiting for it again.
 */
final class OpenSearchExtension implements ExecutionCondition, BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(OpenSearchExtension.class);

    // A class that cannot have its cluster here is disabled with the reason, which the test report shows; an
    // assumption failing in a callback would leave the class out of the report without a word.
    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        var shared = shared(context);
        if (shared.failure() instanceof org.opentest4j.TestAbortedException skipped) {
            return ConditionEvaluationResult.disabled(skipped.getMessage());
        }
        return ConditionEvaluationResult.enabled("OpenSearch test cluster available");
    }

    // Any other failure to start (or a prerequisite missing under CI) fails the class with its reason.
    @Override
    public void beforeAll(ExtensionContext context) {
        shared(context).cluster();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == OpenSearchCluster.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return shared(context).cluster();
    }

    private static Shared shared(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(Shared.class, k -> Shared.start(), Shared.class);
    }

    /** The started cluster, or why it could not start; closed by JUnit when the run ends. */
    private record Shared(OpenSearchCluster started, Throwable failure) implements AutoCloseable {
        static Shared start() {
            try {
                return new Shared(OpenSearchCluster.start(), null);
            } catch (org.opentest4j.TestAbortedException | AssertionError e) {
                // A prerequisite missing here: a skip with its reason, or under CI a failure with it.
                return new Shared(null, e);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return new Shared(null, new IllegalStateException("the OpenSearch test cluster did not start: "
                        + e.getMessage(), e));
            }
        }

        OpenSearchCluster cluster() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return started;
        }

        @Override
        public void close() throws java.io.IOException {
            if (started != null) {
                started.close();
            }
        }
    }
}
