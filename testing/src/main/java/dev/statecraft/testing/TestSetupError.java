package dev.statecraft.testing;

/**
 * A mistake in the test's set-up, such as an activity without a registered implementation. An
 * {@link Error}, so that workflow code catching {@code Exception} cannot swallow it in direct mode;
 * the run reports it by failing the test.
 */
final class TestSetupError extends Error {
  private static final long serialVersionUID = 1L;

  TestSetupError(String message) {
    super(message);
  }
}
