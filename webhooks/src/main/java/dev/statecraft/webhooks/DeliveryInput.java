package dev.statecraft.webhooks;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A verified body read as the execution's input: the JSON body as sent, or for a form-encoded body
 * ({@code application/x-www-form-urlencoded}) the JSON object of its fields as strings, the first
 * value winning when a field repeats.
 *
 * @param json the parsed value
 * @param text the execution input's JSON text
 */
record DeliveryInput(JsonNode json, String text) {
  static final String FORM = "application/x-www-form-urlencoded";
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  static DeliveryInput read(WebhookRequest request) throws Refusal {
    String text =
        Utf8.decode(request.bodyBytes())
            .orElseThrow(() -> new Refusal(400, "the body is not UTF-8 text"));
    return isForm(request) ? form(text) : json(text);
  }

  private static boolean isForm(WebhookRequest request) {
    String type = request.header("Content-Type").orElse("");
    int semicolon = type.indexOf(';');
    String media = semicolon < 0 ? type : type.substring(0, semicolon);
    return media.trim().toLowerCase(Locale.ROOT).equals(FORM);
  }

  private static DeliveryInput json(String text) throws Refusal {
    try {
      JsonNode node = JSON.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new Refusal(400, "the body is empty; expected JSON");
      }
      return new DeliveryInput(node, text);
    } catch (JsonProcessingException e) {
      // Jackson's own message quotes the body, so only say where it broke.
      JsonLocation at = e.getLocation();
      String where =
          at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      throw new Refusal(400, "the body is not JSON" + where);
    }
  }

  private static DeliveryInput form(String text) throws Refusal {
    ObjectNode fields = JsonNodeFactory.instance.objectNode();
    try {
      for (String pair : text.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String name = decode(eq < 0 ? pair : pair.substring(0, eq));
        if (!fields.has(name)) {
          fields.put(name, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
      }
    } catch (IllegalArgumentException e) {
      throw new Refusal(400, "the body is not valid form data");
    }
    return new DeliveryInput(fields, fields.toString());
  }

  private static String decode(String part) {
    return URLDecoder.decode(part, StandardCharsets.UTF_8);
  }
}
