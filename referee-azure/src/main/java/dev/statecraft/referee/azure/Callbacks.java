package dev.statecraft.referee.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.azure.functions.HttpResponseMessage;
import java.lang.reflect.InvocationTargetException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delivers a {@link CallbackAnswer} as a caller of the callback URL would: a {@code POST} to the
 * URL the activity was handed, routed to the app's generated callback function as the Functions
 * host routes {@code /api/callbacks/<workflow>}.
 */
final class Callbacks {
  private static final String ROUTE = "/api/callbacks/";

  private Callbacks() {}

  static void answer(AzureReferee referee, AzureApp app, JsonNode callback, CallbackAnswer answer) {
    if (answer instanceof CallbackAnswer.None) {
      return;
    }
    URI url = URI.create(callback.get("url").asText());
    if (!url.isAbsolute() || !url.getPath().startsWith(ROUTE)) {
      throw new IllegalStateException("not an absolute callback URL of the app: " + url);
    }
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : url.getRawQuery() == null ? new String[0] : url.getRawQuery().split("&")) {
      int eq = pair.indexOf('=');
      query.put(
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    String body;
    if (answer instanceof CallbackAnswer.Value v) {
      body = v.value().toString();
    } else {
      CallbackAnswer.Error e = (CallbackAnswer.Error) answer;
      query.put("error", e.error());
      if (e.cause() != null) {
        query.put("cause", e.cause());
      }
      body = "";
    }
    AzureApp.Function function =
        app.starter(url.getPath().substring(ROUTE.length()) + "-callbacks");
    try {
      Object target = function.type().getConstructor().newInstance();
      HttpResponseMessage response =
          (HttpResponseMessage)
              function
                  .method()
                  .invoke(target, new StarterRequest(url, body, query), referee.durableClient());
      if (response.getStatusCode() != 200) {
        throw new IllegalStateException(
            "the callback URL answered " + response.getStatusCode() + ": " + response.getBody());
      }
    } catch (InvocationTargetException e) {
      throw new IllegalStateException("the callback function failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
