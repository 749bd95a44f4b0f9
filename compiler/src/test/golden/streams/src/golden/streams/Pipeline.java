package golden.streams;

import dev.statecraft.api.Durable;
import dev.statecraft.api.Workflow;
import dev.statecraft.api.WorkflowMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Sequential stream pipelines over lists, as Java users write them, activity calls included. */
@Workflow
public class Pipeline {
  private final Scorer scorer = Durable.activities(Scorer.class);

  @WorkflowMethod
  public String run(List<Doc> docs) {
    List<String> titles = docs.stream().filter(d -> d.words() > 2).map(Doc::title).toList();
    List<Integer> scores = docs.stream().map(d -> scorer.score(d.title())).collect(Collectors.toList());
    long longOnes = docs.stream().filter(d -> d.words() > 3).count();
    int total = docs.stream().mapToInt(Doc::words).sum();
    double wordSum = docs.stream().map(d -> d.words() * 1.0).reduce(0.0, (a, b) -> a + b);
    double avg = docs.isEmpty() ? 0 : wordSum / docs.size();
    boolean any = docs.stream().anyMatch(d -> d.title().startsWith("B"));
    boolean all = titles.stream().allMatch(t -> t.length() > 3);
    boolean none = docs.stream().map(Doc::title).noneMatch(String::isEmpty);
    String joined = docs.stream().map(d -> d.title().toUpperCase()).collect(Collectors.joining(", ", "[", "]"));
    titles = titles.stream().filter(t -> !t.equals("Alpha")).toList();
    List<Integer> parsed = List.of("1", "22").stream().map(Integer::parseInt).toList();
    List<String> seen = new ArrayList<>();
    docs.stream().filter(d -> d.words() > 0).map(Doc::title).forEach(t -> seen.add(t));
    docs.forEach(d -> scorer.note(d.title()));
    titles.forEach(scorer::note);
    List<String> firstTwo = docs.stream().map(Doc::title).limit(2).toList();
    List<String> rest = docs.stream().skip(1).filter(d -> d.words() < 4).map(Doc::title).toList();
    List<String> ordered = docs.stream().map(Doc::title).sorted().toList();
    List<Integer> fewest = docs.stream().map(Doc::words).distinct().sorted().limit(2).toList();
    return ordered + " " + fewest + " " + seen + " " + firstTwo + " " + rest + " " + titles + " " + scores + " " + longOnes + " " + total + " " + avg + " " + any + " " + all + " " + none + " " + joined + " " + parsed;
  }
}
