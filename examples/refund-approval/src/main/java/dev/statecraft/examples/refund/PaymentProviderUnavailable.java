package dev.statecraft.examples.refund;

/** The payment provider could not be reached; worth retrying. */
public class PaymentProviderUnavailable extends RuntimeException {
  public PaymentProviderUnavailable(String message) {
    super(message);
  }
}
