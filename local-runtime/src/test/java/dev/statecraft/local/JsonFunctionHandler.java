package dev.statecraft.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A Lambda stream handler made from a JSON-to-JSON function, for tests. */
final class JsonFunctionHandler implements RequestStreamHandler {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The function a test supplies; it may throw to fail the invocation. */
  @FunctionalInterface
  interface Body {
    JsonNode apply(JsonNode input, Context context) throws Exception;
  }

  private final Body body;

  JsonFunctionHandler(Body body) {
    this.body = body;
  }

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    JsonNode result;
    try {
      result = body.apply(JSON.readTree(input), context);
    } catch (RuntimeException | IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    output.write(JSON.writeValueAsBytes(result));
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
