package dev.statecraft.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.adapters.ActivityJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * API Gateway's Lambda proxy integration (REST API, payload version 1.0), read and answered as raw
 * JSON: the body must reach signature checks byte for byte as it was sent.
 *
 * @param method the HTTP method
 * @param path the request path, such as {@code /webhooks/orders}, without the stage
 * @param pathParameters the resource's path parameters
 * @param query the query string parameters, decoded
 * @param headers every header, names as sent (look them up case-insensitively)
 * @param body the body's bytes, base64-decoded when API Gateway encoded them
 */
record ApiGatewayProxy(
    String method,
    String path,
    Map<String, String> pathParameters,
    Map<String, String> query,
    Map<String, List<String>> headers,
    byte[] body) {

  static ApiGatewayProxy read(InputStream in) throws IOException {
    JsonNode event = ActivityJson.mapper().readTree(in);
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    JsonNode multi = event.path("multiValueHeaders");
    if (multi.isObject()) {
      multi
          .fields()
          .forEachRemaining(
              e -> {
                List<String> values = new ArrayList<>();
                e.getValue().forEach(v -> values.add(v.asText()));
                headers.put(e.getKey(), values);
              });
    } else {
      event
          .path("headers")
          .fields()
          .forEachRemaining(e -> headers.put(e.getKey(), List.of(e.getValue().asText())));
    }
    String text = event.path("body").isTextual() ? event.path("body").asText() : "";
    byte[] body =
        event.path("isBase64Encoded").asBoolean(false)
            ? Base64.getDecoder().decode(text)
            : text.getBytes(StandardCharsets.UTF_8);
    return new ApiGatewayProxy(
        event.path("httpMethod").asText("GET"),
        event.path("path").asText("/"),
        strings(event.path("pathParameters")),
        strings(event.path("queryStringParameters")),
        headers,
        body);
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> out = new LinkedHashMap<>();
    if (object.isObject()) {
      object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    }
    return out;
  }

  /** The body as UTF-8 text. */
  String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  /** Writes the proxy integration's response: a status, a content type and a text body. */
  static void answer(OutputStream out, int status, String contentType, String body)
      throws IOException {
    ObjectNode response = ActivityJson.mapper().createObjectNode();
    response.put("statusCode", status);
    response.putObject("headers").put("Content-Type", contentType);
    response.put("body", body);
    response.put("isBase64Encoded", false);
    ActivityJson.write(out, response);
  }
}
