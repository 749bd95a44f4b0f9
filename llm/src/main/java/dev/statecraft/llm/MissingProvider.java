package dev.statecraft.llm;

/**
 * A route names a provider whose LangChain4j module is not on the classpath. The message names the
 * Maven artifact to add; providers are optional dependencies of {@code statecraft-llm}.
 */
public class MissingProvider extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  /** For fakes of activities in tests, and for the router. */
  public MissingProvider(String message) {
    super(message);
  }
}
