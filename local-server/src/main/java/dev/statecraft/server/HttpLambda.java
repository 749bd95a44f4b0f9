package dev.statecraft.server;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.statecraft.local.LambdaFunctionException;
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
 * A Lambda function served by an HTTP endpoint that answers like the Lambda Invoke API: each
 * invocation POSTs the payload bytes to the URL, and a 2xx response body is the function's result
 * (Step Functions parses it as JSON).
 *
 * <p>Errors follow the Invoke API's: a response with an {@code X-Amz-Function-Error} header ({@code
 * Handled} or {@code Unhandled}) is a function error whose body is the error payload, so the task
 * fails with its {@code errorType} and the payload as cause ({@link LambdaFunctionException}); so
 * is a non-2xx response whose JSON body has an {@code errorType}. A non-2xx response with an {@code
 * X-Amzn-ErrorType} header is an error of the Lambda service, {@code Lambda.<ErrorType>}. Any other
 * non-2xx response, or an endpoint that cannot be reached, fails the task with {@code
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
            .header("X-Amz-Invocation-Type", "RequestResponse")
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
    if (functionError != null) {
      throw new LambdaFunctionException(functionError, body);
    }
    if (ok) {
      output.write(response.body());
      return;
    }
    JsonNode parsed = ApiJson.parseOrNull(body);
    String serviceError = response.headers().firstValue("X-Amzn-ErrorType").orElse(null);
    if (serviceError != null) {
      throw serviceError(serviceError, response, parsed, body);
    }
    JsonNode errorType = parsed == null ? null : parsed.get("errorType");
    if (errorType != null && errorType.isTextual()) {
      throw new LambdaFunctionException("Unhandled", body);
    }
    throw new TaskFailedException(
        "Lambda.ServiceException",
        "the function's endpoint " + url + " answered HTTP " + response.statusCode() + ": " + body);
  }

  /**
   * {@code Lambda.<Code>}, with the cause worded as Step Functions words the Invoke API's errors.
   */
  private static TaskFailedException serviceError(
      String errorType, HttpResponse<byte[]> response, JsonNode parsed, String body) {
    String code = errorType.split(":", 2)[0];
    String message = body;
    if (parsed != null) {
      JsonNode text = parsed.has("message") ? parsed.get("message") : parsed.get("Message");
      if (text != null && text.isTextual()) {
        message = text.textValue();
      }
    }
    String requestId =
        response
            .headers()
            .firstValue("x-amzn-RequestId")
            .orElseGet(() -> java.util.UUID.randomUUID().toString());
    return new TaskFailedException(
        "Lambda." + code,
        message
            + " (Service: AWSLambda; Status Code: "
            + response.statusCode()
            + "; Error Code: "
            + code
            + "; Request ID: "
            + requestId
            + "; Proxy: null)");
  }
}
