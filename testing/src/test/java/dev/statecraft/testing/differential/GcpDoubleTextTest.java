package dev.statecraft.testing.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statecraft.referee.gcp.GcpReferee;
import dev.statecraft.referee.gcp.GcpRun;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code double} in string concatenation prints on Cloud Workflows as Java's {@code
 * Double.toString} ({@code statecraft_double_text}): a workflow that prints each double of its
 * input runs on the emulator, for doubles of every magnitude (both sides of Java's switch to the
 * {@code E} form at 10^-3 and 10^7, whole numbers, negatives, random bit patterns). The reference
 * is the JDK's {@code Double.toString} where it prints the shortest digits that read back as the
 * double (JDK 17 sometimes prints one more: JDK-4511638; those values are left out).
 */
class GcpDoubleTextTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void doublesPrintAsJavasDoubleToString(@TempDir Path dir) throws Exception {
    Path emulator = Referees.gcwEmulator();
    Path src = Files.createDirectories(dir.resolve("src/doubles"));
    Files.writeString(
        src.resolve("Values.java"),
        "package doubles;\n\nimport java.util.List;\n\npublic record Values(List<Double> xs) {}\n");
    Files.writeString(
        src.resolve("PrintDoubles.java"),
        """
        package doubles;

        import dev.statecraft.api.Workflow;
        import dev.statecraft.api.WorkflowMethod;
        import java.util.ArrayList;
        import java.util.List;

        @Workflow(name = "print-doubles")
        public class PrintDoubles {
          @WorkflowMethod
          public List<String> run(Values in) {
            List<String> out = new ArrayList<>();
            for (double x : in.xs()) {
              out.add("" + x);
            }
            return out;
          }
        }
        """);
    List<Double> values = new ArrayList<>();
    for (double d :
        new double[] {
          0.0,
          1.0,
          -1.0,
          420.0,
          0.1,
          0.5,
          1.5,
          -2.25,
          0.001,
          0.00099,
          0.0011,
          1.0E-4,
          3.6E-5,
          9999999.0,
          9999999.5,
          1.0E7,
          1.0000001E7,
          123456789.5,
          1.0E20,
          1.0E21,
          1.0E22,
          1.0E23,
          5.0 / 6,
          0.1 + 0.2,
          1.0 / 3,
          2.0 / 3,
          1e-5 * 3.6,
          100.0,
          1234.5678,
          -0.001234,
          Double.MAX_VALUE,
          Double.MIN_NORMAL,
          4.9E-324,
          1.7976931348623157E300,
          12345678.0
        }) {
      values.add(d);
    }
    Random random = new Random(20261202L);
    for (int i = 0; i < 150; i++) {
      double d = Double.longBitsToDouble(random.nextLong());
      if (Double.isFinite(d)) {
        values.add(d);
      }
      values.add((random.nextInt(2_000_000) - 1_000_000) / Math.pow(10, random.nextInt(12)));
    }
    List<Double> checked = values.stream().filter(GcpDoubleTextTest::jdkPrintsShortest).toList();
    ObjectNode input = JSON.createObjectNode();
    ArrayNode xs = input.putArray("xs");
    checked.forEach(xs::add);
    try (GcpReferee gcp = GcpReferee.open(emulator, dir.resolve("src"), dir.resolve("gcp"))) {
      GcpRun run = gcp.run("print-doubles", input, List.of());
      assertEquals("SUCCEEDED", run.state(), () -> String.valueOf(run.failure()));
      JsonNode out = run.output();
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < checked.size(); i++) {
        String expected = Double.toString(checked.get(i));
        if (expected.equals("-0.0")) {
          expected = "0.0"; // JSON has no negative zero
        }
        String printed = out.get(i).asText();
        if (!expected.equals(printed)) {
          wrong.add(expected + " printed as " + printed);
        }
      }
      assertEquals(List.of(), wrong, checked.size() + " doubles");
    }
  }

  /** Whether no decimal with fewer digits than the JDK's reads back as {@code d}. */
  private static boolean jdkPrintsShortest(double d) {
    BigDecimal printed = new BigDecimal(Double.toString(d));
    int digits = printed.stripTrailingZeros().precision();
    if (digits <= 1) {
      return true;
    }
    BigDecimal shorter =
        printed.round(new MathContext(digits - 1, java.math.RoundingMode.HALF_EVEN));
    BigDecimal up = printed.round(new MathContext(digits - 1, java.math.RoundingMode.UP));
    BigDecimal down = printed.round(new MathContext(digits - 1, java.math.RoundingMode.DOWN));
    return shorter.doubleValue() != d && up.doubleValue() != d && down.doubleValue() != d;
  }
}
