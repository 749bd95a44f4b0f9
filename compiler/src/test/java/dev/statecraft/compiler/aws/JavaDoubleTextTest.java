package dev.statecraft.compiler.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.dashjoin.jsonata.Jsonata;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.compiler.TestPaths;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaDoubleText} gives Java's {@code Double.toString} on both JSONatas a compiled workflow
 * meets: JavaScript JSONata 2.0.6 (what Step Functions implements, run by Node from tools/) and the
 * local engine's Java port. The reference is the shortest decimal that reads back as the double,
 * the closest of that length, as Java 19 and later print it (JDK 17's {@code Double.toString}
 * sometimes prints more digits: JDK-4511638); on Java 19 and later the test also compares with it.
 * {@code -Dstatecraft.doubletext.count=N} checks N random doubles of each kind (default 300).
 */
class JavaDoubleTextTest {
  private static final int COUNT = Integer.getInteger("statecraft.doubletext.count", 300);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path NODE_MODULES = TestPaths.root().resolve("tools/node_modules");

  private static List<Double> values;
  private static String expression;

  @BeforeAll
  static void values() {
    expression = JavaDoubleText.of("$d");
    List<Double> v = new ArrayList<>();
    double[] fixed = {
      5.0 / 6,
      3.5999999999999994E-5,
      0.1 + 0.2,
      1e-5 * 3.6,
      0.1,
      1.0,
      420,
      100,
      2.5,
      1e7,
      9999999.999999998,
      1e-3,
      9.999999999999998E-4,
      0.001 * 3,
      12345678.900000001,
      1.005,
      2.675,
      1e21,
      1e22,
      1e23,
      2e23,
      123456789012345680000.0,
      9007199254740993.0,
      9007199254740992.0,
      566428216772377152.0,
      1e15,
      1e16,
      1e17,
      4.9e-324,
      1e-323,
      Double.MIN_NORMAL,
      Math.nextDown(Double.MIN_NORMAL),
      Double.MAX_VALUE
    };
    for (double d : fixed) {
      v.add(d);
      v.add(-d);
    }
    double top = Double.MAX_VALUE;
    for (int i = 0; i < 6; i++) {
      top = Math.nextDown(top);
      v.add(top);
    }
    Random r = new Random(20261202L);
    for (int i = 0; i < COUNT; i++) {
      v.add((r.nextInt(2000) - 1000) / (double) (r.nextInt(999) + 1));
      v.add(r.nextDouble() * Math.pow(10, r.nextInt(30) - 12));
      v.add((double) (r.nextLong() >> r.nextInt(12)));
      v.add(r.nextInt(100000) / 100.0 * (r.nextInt(50) / 10.0));
    }
    for (int i = 0; i < COUNT / 30; i++) {
      double bits = Double.longBitsToDouble(r.nextLong());
      if (Double.isFinite(bits)) {
        v.add(bits);
      }
      v.add(Math.scalb((double) (r.nextInt(1 << 20) + 1), -1074));
    }
    values = List.copyOf(v);
  }

  @Test
  void theReferenceIsJavasDoubleToStringWhereTheJdkPrintsTheShortest() {
    for (double d : values) {
      String reference = shortest(d);
      assertEquals(d, Double.parseDouble(reference), reference);
      if (Runtime.version().feature() >= 19) {
        assertEquals(Double.toString(d), reference);
      }
    }
    assertEquals("0.8333333333333334", shortest(5.0 / 6));
    assertEquals("3.5999999999999994E-5", shortest(3.5999999999999994E-5));
    assertEquals("4.9E-324", shortest(Double.MIN_VALUE));
  }

  @Test
  void theLocalEnginesJsonataPrintsWhatJavaPrints() {
    Jsonata compiled = Jsonata.jsonata(expression);
    List<String> wrong = new ArrayList<>();
    for (double d : values) {
      Jsonata.Frame frame = compiled.createFrame();
      frame.bind("d", d);
      Object printed = compiled.evaluate(Map.of(), frame);
      if (!shortest(d).equals(printed)) {
        wrong.add(shortest(d) + " printed as " + printed);
      }
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void javascriptJsonataAsStepFunctionsRunsItPrintsWhatJavaPrints() throws Exception {
    assertTrue(
        Files.isDirectory(NODE_MODULES.resolve("jsonata")),
        "JavaScript JSONata is missing at " + NODE_MODULES + "; run: npm ci --prefix tools");
    ObjectNode request = JSON.createObjectNode().put("expression", expression);
    ArrayNode bindings = request.putArray("bindings");
    values.forEach(d -> bindings.addObject().put("d", d));
    Path script = TestPaths.root().resolve("compiler/src/test/resources/jsonata/evaluate.js");
    ProcessBuilder node = new ProcessBuilder("node", script.toString());
    node.environment().put("NODE_PATH", NODE_MODULES.toString());
    node.redirectError(ProcessBuilder.Redirect.INHERIT);
    Process p = node.start();
    p.getOutputStream().write(JSON.writeValueAsBytes(request));
    p.getOutputStream().close();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "node did not finish");
    assertEquals(0, p.exitValue(), () -> new String(out, StandardCharsets.UTF_8));
    JsonNode printed = JSON.readTree(out);
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String expected = shortest(values.get(i));
      if (!expected.equals(printed.get(i).asText())) {
        wrong.add(expected + " printed as " + printed.get(i));
      }
    }
    assertEquals(values.size(), printed.size());
    assertEquals(List.of(), wrong);
  }

  /**
   * Java 19's {@code Double.toString}: among the decimals that read back as {@code d}, those of the
   * fewest digits (at least two), the closest to {@code d}; Java's layout.
   */
  static String shortest(double d) {
    if (d == 0) {
      return "0.0";
    }
    BigDecimal exact = new BigDecimal(Math.abs(d));
    BigDecimal digits = null;
    for (int n = 2; n <= 17; n++) {
      BigDecimal candidate = exact.round(new MathContext(n, RoundingMode.HALF_EVEN));
      if (candidate.doubleValue() == Math.abs(d)) {
        digits = candidate.stripTrailingZeros();
        break;
      }
    }
    if (digits == null) {
      throw new IllegalStateException("no decimal of 17 digits reads back as " + d);
    }
    String unscaled = digits.unscaledValue().toString();
    int exponent = unscaled.length() - digits.scale(); // d = 0.unscaled * 10^exponent
    String sign = d < 0 ? "-" : "";
    double a = Math.abs(d);
    if (a >= 1e-3 && a < 1e7) {
      if (exponent <= 0) {
        return sign + "0." + "0".repeat(-exponent) + unscaled;
      }
      if (unscaled.length() <= exponent) {
        return sign + unscaled + "0".repeat(exponent - unscaled.length()) + ".0";
      }
      return sign + unscaled.substring(0, exponent) + "." + unscaled.substring(exponent);
    }
    String fraction = unscaled.length() > 1 ? unscaled.substring(1) : "0";
    return sign + unscaled.charAt(0) + "." + fraction + "E" + (exponent - 1);
  }
}
