package golden.missing;

import java.util.List;

public record Event(
    String repo, String label, Person sender, List<Person> people, Integer priority, Double score) {}
