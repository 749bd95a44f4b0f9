package dev.statecraft.adapters;

/**
 * An activity tried to let a secret's value out: in its result (which the cloud records in the
 * workflow's history) or in the message of the exception it threw (which becomes the error's
 * cause). The activity fails with this error instead; the message names the secret, never its
 * value. Fix the activity: return what the secret was used for, not the secret.
 */
public final class SecretLeak extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * @param message what leaked where, without the value
   */
  public SecretLeak(String message) {
    super(message);
  }
}
