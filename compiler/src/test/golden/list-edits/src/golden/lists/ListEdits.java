package golden.lists;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;

/**
 * List edits with Java's overloads and bounds: {@code add(i, x)} inserts (up to the size), {@code
 * remove(x)} of a value removes its first occurrence while {@code remove(i)} of an {@code int}
 * removes at an index (on a {@code List<Integer>} an {@code Integer} argument is a value), and
 * {@code set}, {@code add(i, x)} and {@code remove(i)} out of range throw {@code
 * IndexOutOfBoundsException}.
 */
@Workflow
public class ListEdits {
  private final Tally tally = Durable.activities(Tally.class);

  @WorkflowMethod
  public String run(Edits e) {
    List<String> words = new ArrayList<>(e.words());
    words.add(e.at(), e.word());
    tally.seen(String.join(",", words));
    words.remove(e.word());
    words.remove("zzz");
    words.set(e.at(), words.get(e.at()).toUpperCase());
    List<Integer> numbers = new ArrayList<>(e.numbers());
    Integer boxed = e.number();
    numbers.remove(boxed);
    if (!numbers.isEmpty()) {
      numbers.remove(numbers.get(0));
    }
    tally.seen(words + " " + numbers);
    numbers.remove(0);
    return words + " " + numbers;
  }
}
