package dev.statecraft.server;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.TaskFailedException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A Lambda function served by an HTTP endpoint: each invocation POSTs the payload as JSON to the
 * URL, and a 2xx response body is the function's result (empty means {@code null}).
 *
 * <p>Errors follow Lambda's: a response with an {@code X-Amz-Function-Error} header, or a non-2xx
 * response whose JSON body has an {@code errorType}, fails the task with that {@code errorType} (or
 * the header's value) as error and the body as cause, which Retry and Catch then match. Any other
 * non-2xx response, or an endpoint that cannot be reached, fails it with {@code
 * Lambda.ServiceException}, which compiled workflows retry.
 */
final class HttpLambda implements RequestStreamHandler {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI url;

  HttpLambda(URI url) {
    this.url = url;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    HttpRequest request =
        HttpRequest.newBuilder(url)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(input.readAllBytes()))
            .build();
    HttpResponse<byte[]> response;
    try {
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new TaskFailedException(
          "Lambda.ServiceException", "cannot reach the function's endpoint " + url + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new TaskFailedException("Lambda.ServiceException", "interrupted calling " + url);
    }
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String functionError = response.headers().firstValue("X-Amz-Function-Error").orElse(null);
    boolean ok = response.statusCode() / 100 == 2;
    if (ok && functionError == null) {
      output.write(response.body());
      return;
    }
    JsonNode parsed = ApiJson.parseOrNull(body);
    JsonNode errorType = parsed == null ? null : parsed.get("errorType");
    if (errorType != null && errorType.isTextual()) {
      throw new TaskFailedException(errorType.textValue(), body);
    }
    if (functionError != null) {
      throw new TaskFailedException(functionError, body);
    }
    throw new TaskFailedException(
        "Lambda.ServiceException",
        "the function's endpoint " + url + " answered HTTP " + response.statusCode() + ": " + body);
  }
}
