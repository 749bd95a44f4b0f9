package golden.rankings;

import java.util.List;

public record Item(String name, int score, List<String> tags) {}
