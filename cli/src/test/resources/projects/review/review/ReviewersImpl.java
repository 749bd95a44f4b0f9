package review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import dev.statecraft.api.Callback;

/** Appends each callback URL to the file named by the system property statecraft.test.callbacks. */
public class ReviewersImpl implements Reviewers {
  @Override
  public void ask(String draft, Callback callback) {
    try {
      Files.writeString(
          Path.of(System.getProperty("statecraft.test.callbacks")),
          callback.url() + "\n",
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String stamp(boolean approved, String what) {
    return (approved ? "APPROVED: " : "REJECTED: ") + what;
  }
}
