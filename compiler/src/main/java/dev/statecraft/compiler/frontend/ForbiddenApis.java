package dev.statecraft.compiler.frontend;

import dev.statecraft.compiler.diagnostic.DiagnosticCode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The library APIs that break determinism, with the diagnostic each one gets. Workflow code must
 * compute the same values every time it runs: Azure replays it, and on every cloud only activities
 * may touch the outside world.
 */
final class ForbiddenApis {
  /** Why a use is forbidden. */
  record Verdict(DiagnosticCode code, String reason, String hint) {}

  private static final String CLOCK_HINT =
      "read the time in an activity, or pass it in as workflow input";
  private static final String RANDOM_HINT =
      "generate random values in an activity; Durable.executionId() is a stable unique id";
  private static final String IO_HINT = "do I/O in an activity: workflow code only orchestrates";
  private static final String THREAD_HINT =
      "use Durable.parallel or Durable.map to run work concurrently";

  private static final Set<String> TIME_TYPES =
      Set.of(
          "java.time.Instant",
          "java.time.LocalDate",
          "java.time.LocalDateTime",
          "java.time.LocalTime",
          "java.time.ZonedDateTime",
          "java.time.OffsetDateTime",
          "java.time.OffsetTime",
          "java.time.Year",
          "java.time.YearMonth",
          "java.time.MonthDay",
          "java.time.Clock");
  private static final Set<String> RANDOM_TYPES =
      Set.of(
          "java.util.Random",
          "java.security.SecureRandom",
          "java.util.concurrent.ThreadLocalRandom",
          "java.util.SplittableRandom");
  private static final List<String> IO_PACKAGES =
      List.of(
          "java.io.", "java.nio.", "java.net.", "java.sql.", "javax.net.", "java.util.logging.");
  private static final List<String> THREAD_TYPES =
      List.of(
          "java.lang.Thread",
          "java.lang.ThreadLocal",
          "java.util.Timer",
          "java.util.concurrent.",
          "java.lang.ProcessBuilder",
          "java.lang.Runtime");

  private ForbiddenApis() {}

  /** The verdict on using {@code member} of {@code type} (a method, a field, or "new"). */
  static Optional<Verdict> classify(String type, String member) {
    String use = "'" + simple(type) + ("new".equals(member) ? "" : "." + member) + "'";
    if (type.equals("java.lang.System")) {
      return Optional.of(system(member, use));
    }
    if (type.equals(SourceContext.API + "Secrets")) {
      return Optional.of(
          new Verdict(
              DiagnosticCode.SECRET_IN_WORKFLOW,
              use + " reads a secret",
              "the cloud records every value of workflow code in the execution's history: read"
                  + " the secret in the activity that needs it (declare @Secret(\"NAME\") on its"
                  + " @Activities interface and call Secrets.get there)"));
    }
    if (type.equals("java.lang.Math") && member.equals("random")
        || RANDOM_TYPES.contains(type)
        || type.equals("java.util.UUID") && member.equals("randomUUID")) {
      return Optional.of(
          new Verdict(DiagnosticCode.NONDETERMINISTIC_CALL, use + " is random", RANDOM_HINT));
    }
    if (TIME_TYPES.contains(type) && (member.equals("now") || type.equals("java.time.Clock"))) {
      return Optional.of(
          new Verdict(DiagnosticCode.NONDETERMINISTIC_CALL, use + " reads the clock", CLOCK_HINT));
    }
    if (IO_PACKAGES.stream().anyMatch(type::startsWith)) {
      return Optional.of(new Verdict(DiagnosticCode.IO_IN_WORKFLOW, use + " does I/O", IO_HINT));
    }
    if (type.equals("java.lang.Thread") && member.equals("sleep")) {
      return Optional.of(
          new Verdict(
              DiagnosticCode.THREADS_IN_WORKFLOW,
              use + " blocks a thread",
              "wait durably with Durable.sleep(Duration.ofSeconds(...)): nothing runs or is billed"
                  + " meanwhile"));
    }
    if (THREAD_TYPES.stream().anyMatch(type::startsWith)) {
      return Optional.of(
          new Verdict(DiagnosticCode.THREADS_IN_WORKFLOW, use + " uses threads", THREAD_HINT));
    }
    return Optional.empty();
  }

  private static Verdict system(String member, String use) {
    return switch (member) {
      case "currentTimeMillis", "nanoTime" ->
          new Verdict(DiagnosticCode.NONDETERMINISTIC_CALL, use + " reads the clock", CLOCK_HINT);
      case "getenv", "getProperty", "getProperties", "lineSeparator" ->
          new Verdict(
              DiagnosticCode.NONDETERMINISTIC_CALL,
              use + " reads the environment",
              "read configuration in an activity, or pass it in as workflow input");
      default -> new Verdict(DiagnosticCode.IO_IN_WORKFLOW, use + " touches the process", IO_HINT);
    };
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
