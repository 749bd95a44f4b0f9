package dev.statecraft.adapters;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StrictJsonTest {
  enum Tier {
    SMALL,
    LARGE
  }

  record Decision(boolean approved, String reviewer, int score, long id, double weight) {}

  record Order(String id, List<Line> lines, Tier tier) {
    record Line(String sku, int quantity) {}
  }

  private static final String DECISION = Decision.class.getName();
  private static final String ORDER = Order.class.getName();

  @ParameterizedTest(name = "{0} fits {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"approved\": true, \"reviewer\": \"ana\", \"score\": 3, \"id\": 9, \"weight\": 1.5}|DECISION",
        "{\"approved\": false, \"score\": 0, \"id\": 1, \"weight\": 2, \"extra\": [1]}|DECISION",
        "{\"id\": \"o1\", \"lines\": [{\"sku\": \"a\", \"quantity\": 2}], \"tier\": \"LARGE\"}|ORDER",
        "{\"id\": null, \"lines\": []}|ORDER",
        "\"text\"|java.lang.String",
        "[1, 2]|java.util.List<java.lang.Integer>",
        "{\"a\": 1.5}|java.util.Map<java.lang.String,java.lang.Double>",
        "7|int",
      })
  void fits(String json, String type) {
    assertEquals(Optional.empty(), StrictJson.mismatch(type(type), json, loader()));
  }

  @ParameterizedTest(name = "{0} does not fit {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"approved\": \"yes\", \"score\": 1, \"id\": 1, \"weight\": 1}|DECISION|approved",
        "{\"approved\": true, \"score\": \"3\", \"id\": 1, \"weight\": 1}|DECISION|score",
        "{\"approved\": true, \"score\": 1.5, \"id\": 1, \"weight\": 1}|DECISION|score",
        "{\"approved\": true, \"reviewer\": 5, \"score\": 1, \"id\": 1, \"weight\": 1}|DECISION|reviewer",
        "{\"approved\": true, \"score\": null, \"id\": 1, \"weight\": 1}|DECISION|score",
        "{\"reviewer\": \"ana\", \"score\": 1, \"id\": 1, \"weight\": 1}|DECISION|approved",
        "{\"approved\": true, \"score\": 1, \"id\": 1, \"weight\": \"2\"}|DECISION|weight",
        "[true]|DECISION|Decision",
        "{\"id\": \"o1\", \"lines\": [{\"sku\": \"a\", \"quantity\": \"2\"}]}|ORDER|quantity",
        "{\"id\": \"o1\", \"tier\": \"HUGE\"}|ORDER|tier",
        "{\"id\": \"o1\", \"tier\": 0}|ORDER|tier",
        "5|java.lang.String|String",
        "{\"a\": 1} trailing|java.util.Map<java.lang.String,java.lang.Integer>|trailing",
      })
  void doesNotFit(String json, String type, String named) {
    Optional<String> problem = StrictJson.mismatch(type(type), json, loader());
    assertTrue(problem.isPresent(), () -> json + " was accepted as " + type);
    assertTrue(problem.get().contains(named), () -> problem.get() + " does not name " + named);
  }

  @org.junit.jupiter.api.Test
  void messagesNameTheFieldAsTheSenderWroteItAndNoJacksonAdvice() {
    String missing =
        StrictJson.mismatch(ORDER, "{\"id\": \"o1\", \"lines\": [{\"sku\": \"a\"}]}", loader())
            .orElseThrow();
    assertTrue(missing.endsWith("(at lines[0].quantity)"), missing);
    assertTrue(!missing.contains("DeserializationConfig") && !missing.contains("set "), missing);
  }

  private static String type(String t) {
    return t.equals("DECISION") ? DECISION : t.equals("ORDER") ? ORDER : t;
  }

  private static ClassLoader loader() {
    return StrictJsonTest.class.getClassLoader();
  }
}
