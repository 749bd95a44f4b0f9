package dev.statecraft.cdk;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.constructs.Construct;

/**
 * A stack holding one {@link StatecraftBackend} (with the id {@value #BACKEND_ID}), for apps that
 * deploy a Statecraft project on its own.
 *
 * <pre>{@code
 * App app = new App();
 * new StatecraftStack(
 *     app,
 *     "support-triage",
 *     StackProps.builder().stackName("support-triage").build(),
 *     StatecraftBackendProps.builder().manifestFile(manifest).jar(jar).build());
 * app.synth();
 * }</pre>
 */
public final class StatecraftStack extends Stack {
  /** The backend's construct id. */
  public static final String BACKEND_ID = "Statecraft";

  private final StatecraftBackend backend;

  /**
   * @param stackProps the stack's own props (name, environment, synthesizer)
   * @param backendProps what the backend deploys
   */
  public StatecraftStack(
      Construct scope, String id, StackProps stackProps, StatecraftBackendProps backendProps) {
    super(scope, id, stackProps);
    this.backend = new StatecraftBackend(this, BACKEND_ID, backendProps);
  }

  /** The backend. */
  public StatecraftBackend getBackend() {
    return backend;
  }
}
