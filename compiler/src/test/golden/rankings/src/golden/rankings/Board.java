package golden.rankings;

import java.util.List;
import java.util.Map;

public record Board(List<Item> items, Map<String, Integer> stock) {}
