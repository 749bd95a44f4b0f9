package dev.statecraft.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One HTTP request to a webhook route, as the host received it: the method, the headers and the raw
 * body bytes. Signatures cover the exact bytes the sender sent, so hand over the body undecoded
 * (API Gateway's base64-encoded bodies decoded back to bytes, nothing re-encoded).
 *
 * <p>Header names are matched ignoring case, as HTTP requires, so pass them in whatever case the
 * host delivers. A header sent several times keeps each value; pass each one with {@link
 * Builder#header} rather than a comma-joined list.
 *
 * <pre>{@code
 * byte[] body = WebhookRequest.readBody(exchange.getRequestBody());
 * WebhookRequest request = WebhookRequest.builder(exchange.getRequestMethod())
 *     .headers(exchange.getRequestHeaders())
 *     .body(body)
 *     .build();
 * }</pre>
 *
 * <p>Instances are immutable.
 */
public final class WebhookRequest {
  /**
   * The largest body a receiver accepts, 256 KiB (Step Functions' input limit). A longer body is
   * answered 413.
   */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  private final String method;
  private final Map<String, List<String>> headers;
  private final byte[] body;

  private WebhookRequest(Builder b) {
    this.method = b.method;
    TreeMap<String, List<String>> copy = new TreeMap<>();
    b.headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    this.headers = Collections.unmodifiableMap(copy);
    this.body = b.body.clone();
  }

  /**
   * Reads at most {@link #MAX_BODY_BYTES} + 1 bytes from {@code in}: enough for the receiver to
   * tell that a body is too long without reading all of it. Does not close {@code in}.
   */
  public static byte[] readBody(InputStream in) throws IOException {
    return in.readNBytes(MAX_BODY_BYTES + 1);
  }

  /** A request with method {@code method} (such as {@code "POST"}), no headers and no body. */
  public static Builder builder(String method) {
    return new Builder(method);
  }

  /** A builder holding this request's method, headers and body. */
  public Builder toBuilder() {
    Builder b = new Builder(method);
    headers.forEach((name, values) -> b.headers.put(name, new ArrayList<>(values)));
    b.body = body;
    return b;
  }

  /** The HTTP method, as sent: {@code "POST"}. */
  public String method() {
    return method;
  }

  /** The first value of header {@code name} (any case), if it was sent. */
  public Optional<String> header(String name) {
    return headerValues(name).stream().findFirst();
  }

  /** Every value of header {@code name} (any case), in the order sent; empty when not sent. */
  public List<String> headerValues(String name) {
    return headers.getOrDefault(lower(name), List.of());
  }

  /** A copy of the raw body. */
  public byte[] body() {
    return body.clone();
  }

  /** The body's length in bytes. */
  public int bodyLength() {
    return body.length;
  }

  /** The body itself, not copied: for this package's readers, which never change it. */
  byte[] bodyBytes() {
    return body;
  }

  /** The value of header {@code name} when it was sent exactly once. */
  Optional<String> single(String name) {
    List<String> values = headerValues(name);
    return values.size() == 1 ? Optional.of(values.get(0)) : Optional.empty();
  }

  /** Names the method, the header names and the body's length; never a value or the body. */
  @Override
  public String toString() {
    return "WebhookRequest{" + method + " " + headers.keySet() + ", " + body.length + " bytes}";
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Builds a {@link WebhookRequest}. */
  public static final class Builder {
    private String method;
    private final Map<String, List<String>> headers = new TreeMap<>();
    private byte[] body = new byte[0];

    private Builder(String method) {
      method(method);
    }

    /** Sets the HTTP method. */
    public Builder method(String method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /** Adds a value of header {@code name}, after any it already has. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(value, "value of header " + name);
      headers.computeIfAbsent(lower(name), k -> new ArrayList<>()).add(value);
      return this;
    }

    /**
     * Adds every value of every header in {@code headers}: a {@code Map<String, String>} such as
     * API Gateway's {@code headers}, or a {@code Map<String, List<String>>} such as its {@code
     * multiValueHeaders} or the JDK server's {@code Headers}.
     */
    public Builder headers(Map<String, ?> headers) {
      headers.forEach(
          (name, value) -> {
            if (value instanceof Collection<?> values) {
              values.forEach(v -> header(name, String.valueOf(v)));
            } else if (value != null) {
              header(name, value.toString());
            }
          });
      return this;
    }

    /** Removes every value of header {@code name}. */
    public Builder removeHeader(String name) {
      headers.remove(lower(name));
      return this;
    }

    /** Sets the raw body; the array is copied. */
    public Builder body(byte[] body) {
      this.body = Objects.requireNonNull(body, "body").clone();
      return this;
    }

    /** The request. */
    public WebhookRequest build() {
      return new WebhookRequest(this);
    }
  }
}
