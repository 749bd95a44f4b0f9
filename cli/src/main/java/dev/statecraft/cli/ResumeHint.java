package dev.statecraft.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The command that resumes one execution of {@code run}, spelled out for the hints {@code run}
 * prints, so that a user copies it instead of working it out: the launcher as it was typed, {@code
 * --source}, {@code --workflow} when the project has several, the execution's name, and {@code
 * --state-dir} and {@code --output} when they were given. A resume needs no {@code --input}: the
 * stored execution has its input.
 *
 * @param launcher how the user started the command line, {@code ./statecraft}
 * @param source the project's folder, as given
 * @param workflow the workflow's name when the project has several, else null
 * @param executionName the execution to resume
 * @param stateDir where it is stored, null when in the default folder
 * @param output the {@code --output} file, or null
 */
record ResumeHint(
    String launcher,
    Path source,
    String workflow,
    String executionName,
    Path stateDir,
    Path output) {
  /** Where {@code run} keeps executions unless told otherwise. */
  static final String DEFAULT_STATE_DIR = ".statecraft";

  /** What the {@code ./statecraft} launcher passes as {@code -Dstatecraft.launcher}: its $0. */
  static final String LAUNCHER_PROPERTY = "statecraft.launcher";

  private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");

  /** The launcher this process was started by, {@code statecraft} when unknown. */
  static String currentLauncher() {
    String launcher = System.getProperty(LAUNCHER_PROPERTY);
    return launcher == null || launcher.isBlank() ? "statecraft" : launcher;
  }

  /** Whether {@code dir} is the default state folder, which the hint leaves out. */
  static boolean isDefaultStateDir(Path dir) {
    return dir.normalize().equals(Path.of(DEFAULT_STATE_DIR));
  }

  /** The command line, quoted for a POSIX shell where a word needs it. */
  String command() {
    List<String> words = new ArrayList<>(List.of(launcher, "run", "--source", source.toString()));
    if (workflow != null) {
      words.addAll(List.of("--workflow", workflow));
    }
    words.addAll(List.of("--execution-name", executionName));
    if (stateDir != null) {
      words.addAll(List.of("--state-dir", stateDir.toString()));
    }
    if (output != null) {
      words.addAll(List.of("--output", output.toString()));
    }
    return String.join(" ", words.stream().map(ResumeHint::quote).toList());
  }

  static String quote(String word) {
    return PLAIN.matcher(word).matches() ? word : "'" + word.replace("'", "'\\''") + "'";
  }
}
