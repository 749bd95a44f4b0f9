package dev.statecraft.testing;

import java.util.Objects;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives each test method that asks for one a fresh {@link WorkflowTestEnvironment}, closed when the
 * test ends.
 *
 * <pre>{@code
 * class PlaceOrderTest {
 *   @RegisterExtension
 *   static final WorkflowTestExtension workflows =
 *       new WorkflowTestExtension(WorkflowTestEnvironment.builder().sourceDir(Path.of("src/main/java")));
 *
 *   @Test
 *   void shipsExpressOrders(WorkflowTestEnvironment env) { ... }
 * }
 * }</pre>
 *
 * <p>Or, with the defaults, {@code @ExtendWith(WorkflowTestExtension.class)}.
 */
public final class WorkflowTestExtension implements ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(WorkflowTestExtension.class);

  private final WorkflowTestEnvironment.Builder options;

  /** Environments with the default options. */
  public WorkflowTestExtension() {
    this(WorkflowTestEnvironment.builder());
  }

  /** Environments built from {@code options}. */
  public WorkflowTestExtension(WorkflowTestEnvironment.Builder options) {
    this.options = Objects.requireNonNull(options, "options");
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == WorkflowTestEnvironment.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    // JUnit closes AutoCloseable values of the store when the test's context ends.
    return context
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(
            WorkflowTestEnvironment.class, k -> options.build(), WorkflowTestEnvironment.class);
  }
}
