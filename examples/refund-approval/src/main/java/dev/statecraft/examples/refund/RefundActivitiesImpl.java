package dev.statecraft.examples.refund;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.api.Callback;
import dev.statecraft.api.Secrets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The refund activities. Reviewers are asked through a Slack incoming webhook when the secret
 * {@code REFUND_REVIEW_WEBHOOK} has a value; otherwise, like the payment provider and the mailer
 * here, through a local stand-in that prints what it would do.
 */
public class RefundActivitiesImpl implements RefundActivities {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> RED_FLAGS = List.of("chargeback", "fraud", "stolen");

  @Override
  public Assessment assess(RefundRequest request) {
    List<String> reasons = new ArrayList<>();
    String reason = request.reason().toLowerCase(Locale.ROOT);
    for (String flag : RED_FLAGS) {
      if (reason.contains(flag)) {
        reasons.add("the reason mentions '" + flag + "'");
      }
    }
    if (request.amount() > 500) {
      reasons.add("more than 500");
    } else if (request.amount() > 50) {
      reasons.add("more than 50");
    }
    String level =
        !reasons.isEmpty() && (request.amount() > 500 || reasons.size() > 1)
            ? "high"
            : reasons.isEmpty() ? "low" : "medium";
    return new Assessment(level, reasons);
  }

  @Override
  public void askReviewer(RefundRequest request, Assessment risk, Callback callback) {
    String text =
        String.format(
            "Refund %s: %s for order %s (%s risk: %s). Reason: %s%n"
                + "Approve:  curl -X POST '%s' -H 'Content-Type: application/json'"
                + " -d '{\"approved\": true, \"reviewer\": \"you\", \"note\": \"ok\"}'%n"
                + "Decline:  the same with \"approved\": false",
            request.id(),
            request.amount(),
            request.orderId(),
            risk.level(),
            String.join(", ", risk.reasons()),
            request.reason(),
            callback.url());
    Optional<String> slack = Secrets.find("REFUND_REVIEW_WEBHOOK");
    if (slack.isEmpty()) {
      System.err.println("[local stand-in reviewer inbox] " + text);
      return;
    }
    post(slack.get(), JSON.createObjectNode().put("text", text).toString());
  }

  @Override
  public String issueRefund(RefundRequest request) {
    String id = "rf_" + request.orderId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    System.err.printf(
        "[local stand-in payment provider] refunded %s to %s as %s%n",
        request.amount(), request.customerEmail(), id);
    return id;
  }

  @Override
  public void notifyCustomer(RefundRequest request, String message) {
    System.err.printf("[local stand-in mailer] to %s: %s%n", request.customerEmail(), message);
  }

  private static void post(String url, String json) {
    HttpRequest post =
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    try {
      HttpResponse<String> response =
          HttpClient.newHttpClient().send(post, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException(
            "the review webhook answered " + response.statusCode() + ": " + response.body());
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot reach the review webhook: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while asking for a review", e);
    }
  }
}
