package dev.statecraft.webhooks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WebhookRequestTest {
  @Test
  void headerNamesMatchIgnoringCaseAndKeepEveryValue() {
    WebhookRequest request =
        WebhookRequest.builder("POST")
            .header("Webhook-Signature", "v1,a")
            .headers(Map.of("WEBHOOK-SIGNATURE", List.of("v1,b"), "X-Slack-Signature", "v0=c"))
            .build();

    assertEquals(List.of("v1,a", "v1,b"), request.headerValues("webhook-signature"));
    assertEquals(Optional.of("v0=c"), request.header("x-slack-signature"));
    assertEquals(Optional.empty(), request.header("webhook-id"));
  }

  @Test
  void bodyIsCopiedInAndOut() {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    WebhookRequest request = WebhookRequest.builder("POST").body(body).build();
    body[0] = 'x';
    request.body()[1] = 'x';

    assertArrayEquals("{}".getBytes(StandardCharsets.UTF_8), request.body());
  }

  @Test
  void readBodyStopsOneByteAfterTheLimit() throws Exception {
    ByteArrayInputStream in =
        new ByteArrayInputStream(new byte[WebhookRequest.MAX_BODY_BYTES + 100]);

    byte[] read = WebhookRequest.readBody(in);

    assertEquals(WebhookRequest.MAX_BODY_BYTES + 1, read.length);
    assertEquals(99, in.available());
  }

  @Test
  void readBodyReadsAShortBodyWhole() throws Exception {
    byte[] read = WebhookRequest.readBody(new ByteArrayInputStream(new byte[] {1, 2, 3}));

    assertArrayEquals(new byte[] {1, 2, 3}, read);
  }

  @Test
  void toStringShowsNoValues() {
    WebhookRequest request =
        WebhookRequest.builder("POST")
            .header("X-Hub-Signature-256", "sha256=deadbeef")
            .body("secret body".getBytes(StandardCharsets.UTF_8))
            .build();

    assertFalse(request.toString().contains("deadbeef"), request.toString());
    assertFalse(request.toString().contains("secret body"), request.toString());
    assertEquals("WebhookRequest{POST [x-hub-signature-256], 11 bytes}", request.toString());
  }
}
