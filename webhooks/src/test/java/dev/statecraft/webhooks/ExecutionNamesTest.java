package dev.statecraft.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutionNamesTest {
  /** Step Functions' rule, plus printable ASCII for CloudWatch logging. */
  private static final Pattern VALID = Pattern.compile("[!'()+\\-.0-9=@A-Z_a-z]{1,80}");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "evt_1PXyZ2AbCdEfGhIj",
        "msg_p5jXN8AQM9LWM0D4loKWxJek",
        "72d3162e-cc78-11e3-81ab-4c9367dc0958",
        "Ev08MFMKH6"
      })
  void providersIdsAreTheirOwnNames(String id) {
    assertEquals(id, ExecutionNames.of(id));
  }

  @Test
  void eightyCharactersFitAndEightyOneDoNot() {
    String eighty = "a".repeat(80);

    assertEquals(eighty, ExecutionNames.of(eighty));
    String name = ExecutionNames.of(eighty + "a");
    assertEquals(80, name.length());
    assertTrue(name.startsWith("a".repeat(67) + "-"), name);
  }

  @Test
  void longIdsKeepAPrefixAndStayDistinctAndDeterministic() {
    String prefix = "delivery-" + "x".repeat(100);
    String one = ExecutionNames.of(prefix + "-1");
    String two = ExecutionNames.of(prefix + "-2");

    assertEquals(80, one.length());
    assertTrue(VALID.matcher(one).matches(), one);
    assertEquals(one.substring(0, 67), prefix.substring(0, 67));
    assertNotEquals(one, two);
    assertEquals(one, ExecutionNames.of(prefix + "-1"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " ", "\t", "\n", "<", ">", "{", "}", "[", "]", "?", "*", "\"", "#", "%", "\\", "^", "|",
        "~", "`", "$", "&", ",", ";", ":", "/", "\u0000", "\u001f", "\u007f", "\u0085", "é",
        "\u2028"
      })
  void eachForbiddenCharacterBecomesADash(String c) {
    String name = ExecutionNames.of("id" + c + "x");

    assertTrue(name.startsWith("id-x-"), name);
    assertEquals("id-x-".length() + 12, name.length());
    assertTrue(VALID.matcher(name).matches(), name);
  }

  @Test
  void idsThatDifferOnlyInReplacedCharactersKeepDistinctNames() {
    assertNotEquals(ExecutionNames.of("a:b"), ExecutionNames.of("a/b"));
    assertNotEquals(ExecutionNames.of("a:b"), ExecutionNames.of("a-b"));
    assertEquals("a-b", ExecutionNames.of("a-b"));
  }
}
