package gen;

import java.util.List;

public record Input(int seed, String name, List<Integer> numbers) {}
