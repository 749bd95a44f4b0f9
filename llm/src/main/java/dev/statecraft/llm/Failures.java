package dev.statecraft.llm;

import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.TimeoutException;
import java.io.InterruptedIOException;
import java.lang.reflect.Method;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Sorts a failed model call: rate limits (429), timeouts, server errors (5xx) and unreachable
 * endpoints are worth the next target; anything else (a bad request, a bad key, an unknown model)
 * would fail there too, or is the caller's to fix, so it is not.
 */
final class Failures {
  private Failures() {}

  /** Why {@code t} is worth falling back, or empty when it is not. */
  static Optional<String> fallbackReason(Throwable t) {
    OptionalInt status = status(t);
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RateLimitException || (status.isPresent() && status.getAsInt() == 429)) {
        return Optional.of("rate limited (429)");
      }
      if (status.isPresent() && status.getAsInt() >= 500) {
        return Optional.of("server error (" + status.getAsInt() + ")");
      }
      if (c instanceof InternalServerException) {
        return Optional.of("server error");
      }
      if (c instanceof HttpConnectTimeoutException
          || c instanceof ConnectException
          || c instanceof UnknownHostException) {
        return Optional.of("unreachable");
      }
      if (c instanceof TimeoutException
          || c instanceof HttpTimeoutException
          || c instanceof InterruptedIOException) {
        return Optional.of("timeout");
      }
      if (status.isPresent()) {
        return Optional.empty(); // a 4xx: the request itself is wrong
      }
    }
    return Optional.empty();
  }

  /**
   * The HTTP status a provider's exception, or one of its causes, carries (LangChain4j's {@code
   * HttpException}, the AWS SDK's service exceptions), if any.
   */
  static OptionalInt status(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      OptionalInt s = ownStatus(c);
      if (s.isPresent()) {
        return s;
      }
    }
    return OptionalInt.empty();
  }

  private static OptionalInt ownStatus(Throwable t) {
    try {
      Method m = t.getClass().getMethod("statusCode");
      Object v = m.invoke(t);
      if (v instanceof Integer i && i >= 100) {
        return OptionalInt.of(i);
      }
    } catch (ReflectiveOperationException | RuntimeException e) {
      // No status on this exception.
    }
    return OptionalInt.empty();
  }
}
