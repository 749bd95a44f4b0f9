package dev.statecraft.compiler.diagnostic;

import java.util.Objects;

/**
 * One problem found in the user's sources.
 *
 * @param severity error or warning
 * @param code the stable code, documented in docs/language.md
 * @param position where the problem starts
 * @param message what is wrong, starting lowercase, quoting names
 * @param hint what to write instead; may be empty
 */
public record Diagnostic(
    Severity severity, DiagnosticCode code, SourcePosition position, String message, String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /**
   * The diagnostic as the command line prints it:
   *
   * <pre>
   * src/Triage.java:14:5: error: [NONDETERMINISTIC_CALL] 'System.currentTimeMillis()' reads the clock
   *     long now = System.currentTimeMillis();
   *                ^
   *   hint: pass the time in as workflow input, or get it from an activity
   * </pre>
   */
  public String format() {
    StringBuilder out = new StringBuilder();
    out.append(position)
        .append(": ")
        .append(severity.label())
        .append(": [")
        .append(code)
        .append("] ")
        .append(message)
        .append('\n');
    String line = position.file().line(position.line());
    if (!line.isEmpty()) {
      out.append(line).append('\n');
      out.append(caretIndent(line, position.column())).append("^\n");
    }
    if (!hint.isEmpty()) {
      out.append("  hint: ").append(hint).append('\n');
    }
    return out.toString();
  }

  /** Keeps tabs so the caret lines up under the offending column whatever the tab width. */
  private static String caretIndent(String line, int column) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < column - 1 && i < line.length(); i++) {
      indent.append(line.charAt(i) == '\t' ? '\t' : ' ');
    }
    return indent.toString();
  }

  @Override
  public String toString() {
    return position + ": " + severity.label() + ": [" + code + "] " + message;
  }
}
