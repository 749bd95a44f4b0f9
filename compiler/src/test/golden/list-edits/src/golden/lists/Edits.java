package golden.lists;

import java.util.List;

public record Edits(List<String> words, List<Integer> numbers, int at, String word, int number) {}
