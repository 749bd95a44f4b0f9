package gen;

import java.util.List;

/** A generated program's input; {@code note} and {@code bonus} are missing from some inputs. */
public record Input(int seed, String name, List<Integer> numbers, String note, Integer bonus) {}
