package dev.statecraft.examples.triage;

/** A model provider is overloaded or down; worth retrying. */
public class ModelUnavailable extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ModelUnavailable(String message) {
    super(message);
  }
}
