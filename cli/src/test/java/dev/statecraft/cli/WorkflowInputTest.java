package dev.statecraft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code run --input}: where it is read from, and why it does not fit, in the input's words. */
class WorkflowInputTest {
  enum Size {
    SMALL,
    LARGE
  }

  record Line(String sku, int quantity) {}

  record Order(String id, String customerEmail, int quantity, List<Line> lines, Size size) {}

  private static final String ORDER = Order.class.getName();

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // A missing primitive is named as missing, not as Jackson's "null".
        "{\"id\": \"o\", \"customerEmail\": \"a@b\"}|field 'quantity' (int) is missing",
        "{\"id\": \"o\", \"quantity\": null}|field 'quantity' (int) is null",
        // A misspelled field is named with the field it stands for, though StrictJson lets it by.
        "{\"id\": \"o\", \"custmerEmail\": \"a@b\", \"quantity\": 1}|"
            + "field 'custmerEmail' is not a field of Order; did you mean 'customerEmail'?",
        "{\"id\": \"o\", \"customer_email\": \"a@b\", \"quantity\": 1}|did you mean 'customerEmail'?",
        "{\"id\": \"o\", \"quantty\": 1}|field 'quantty' is not a field of Order; did you mean"
            + " 'quantity'?",
        // Wrongly typed fields, also nested ones, are named with their path.
        "{\"id\": 5, \"quantity\": 1}|field 'id' is the number 5, not a string",
        "{\"id\": \"o\", \"quantity\": \"3\"}|field 'quantity' is the string \"3\", not a whole"
            + " number (int)",
        "{\"id\": \"o\", \"quantity\": 1.5}|field 'quantity' is the number 1.5, not a whole number",
        "{\"id\": \"o\", \"quantity\": 1, \"lines\": [{\"sku\": \"a\", \"quantity\": true}]}|"
            + "field 'lines[0].quantity' is true, not a whole number (int)",
        "{\"id\": \"o\", \"quantity\": 1, \"size\": \"HUGE\"}|field 'size' is the string \"HUGE\","
            + " not one of [SMALL, LARGE]",
        "[1, 2]|the input is an array, not an object (Order)",
      })
  void namesTheFieldThatDoesNotFit(String json, String expected) {
    Optional<String> problem = WorkflowInput.misfit(ORDER, json, loader());
    assertTrue(problem.isPresent(), () -> json + " was accepted");
    assertTrue(problem.get().startsWith("does not fit"), problem::get);
    assertTrue(
        problem.get().contains(expected), () -> problem.get() + "\ndoes not say\n" + expected);
    assertTrue(!problem.get().contains("DeserializationFeature"), problem::get);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"id\": \"o\", \"quantity\": 1}",
        // Fields far from any missing one are extras a sender may add, as StrictJson allows.
        "{\"id\": \"o\", \"quantity\": 1, \"trace\": \"x\"}",
        // A near miss for a field that is there is an extra, not a misspelling.
        "{\"id\": \"o\", \"ids\": [1], \"quantity\": 1}",
      })
  void acceptsWhatFits(String json) {
    assertEquals(Optional.empty(), WorkflowInput.misfit(ORDER, json, loader()));
  }

  @Test
  void aPathThatDoesNotExistIsNoSuchFile(@TempDir Path dir) {
    for (String input : List.of(dir.resolve("tiket.json").toString(), "ticket.json", "in/x")) {
      Main.UsageException e =
          assertThrows(Main.UsageException.class, () -> WorkflowInput.read(input));
      assertEquals(
          "--input " + input + ": no such file (give a JSON file or JSON text)", e.getMessage());
    }
  }

  @Test
  void readsFilesAndJsonTextAndSaysWhichIsBroken(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("in.json"), "{\"a\": [1, 2]}");
    assertEquals("{\"a\":[1,2]}", WorkflowInput.read(file.toString()));
    assertEquals("\"hi\"", WorkflowInput.read("\"hi\""));
    assertEquals("1.5", WorkflowInput.read("1.5"));

    Path broken = Files.writeString(dir.resolve("broken.json"), "{oops");
    assertTrue(
        assertThrows(Main.UsageException.class, () -> WorkflowInput.read(broken.toString()))
            .getMessage()
            .startsWith("--input file " + broken + " is not valid JSON: "));
    assertTrue(
        assertThrows(Main.UsageException.class, () -> WorkflowInput.read("{oops"))
            .getMessage()
            .startsWith("--input is not valid JSON: "));
    assertTrue(
        assertThrows(Main.UsageException.class, () -> WorkflowInput.read("hello"))
            .getMessage()
            .contains("a JSON string is quoted: '\"hello\"'"));
    assertTrue(
        assertThrows(Main.UsageException.class, () -> WorkflowInput.read(dir.toString()))
            .getMessage()
            .endsWith("is a folder, not a JSON file"));
  }

  private static ClassLoader loader() {
    return WorkflowInputTest.class.getClassLoader();
  }
}
