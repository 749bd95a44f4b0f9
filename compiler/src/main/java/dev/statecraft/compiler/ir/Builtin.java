package dev.statecraft.compiler.ir;

/**
 * The library methods workflow code may call, each with Java's exact meaning. For an instance
 * method the receiver is the first argument of the {@link Expr.Call}: {@code s.substring(1, 3)} is
 * {@code Call(STRING_SUBSTRING, [s, 1, 3])}.
 */
public enum Builtin {
  /** {@code a.equals(b)} and {@code Objects.equals(a, b)}: value equality, deep for records. */
  EQUALS,
  STRING_LENGTH,
  STRING_IS_EMPTY,
  STRING_CONTAINS,
  STRING_STARTS_WITH,
  STRING_ENDS_WITH,
  STRING_TO_UPPER_CASE,
  STRING_TO_LOWER_CASE,
  STRING_TRIM,
  /** {@code s.substring(begin)} or {@code s.substring(begin, end)}. */
  STRING_SUBSTRING,
  STRING_INDEX_OF,
  /**
   * {@code s.indexOf(t, from)}: {@code from} clamped to {@code [0, s.length()]}, as in Java, so an
   * empty {@code t} is found at the clamped {@code from}.
   */
  STRING_INDEX_OF_FROM,
  /** {@code s.repeat(n)}; a negative {@code n} throws {@code IllegalArgumentException}. */
  STRING_REPEAT,
  /** {@code s.strip()}: leading and trailing {@link Character#isWhitespace} characters removed. */
  STRING_STRIP,
  /** {@code s.stripLeading()}. */
  STRING_STRIP_LEADING,
  /** {@code s.stripTrailing()}. */
  STRING_STRIP_TRAILING,
  /** {@code s.lastIndexOf(t)}: overlapping occurrences count, as in Java. */
  STRING_LAST_INDEX_OF,
  /** {@code s.replace(target, replacement)}: every occurrence, literally (no regex). */
  STRING_REPLACE,
  /** {@code s.isBlank()}: empty or only whitespace. */
  STRING_IS_BLANK,
  /** {@code s.equalsIgnoreCase(t)}. */
  STRING_EQUALS_IGNORE_CASE,
  /** {@code s.split(regex)} as a list; Java drops trailing empty strings. */
  STRING_SPLIT,
  /** {@code String.join(separator, list)}. */
  STRING_JOIN,
  /** {@code String.valueOf(x)}: Java's string conversion. */
  STRING_VALUE_OF,
  LIST_SIZE,
  /** {@code list.get(i)}; out of range it throws {@code IndexOutOfBoundsException}. */
  LIST_GET,
  /** {@code array[i]}; out of range it throws {@code ArrayIndexOutOfBoundsException}. */
  ARRAY_GET,
  /** Element {@code i} of a list where {@code i} is known to be in range (a lowered for-each). */
  LIST_ELEMENT,
  LIST_IS_EMPTY,
  LIST_CONTAINS,
  LIST_INDEX_OF,
  LIST_SUB_LIST,
  /** A new list of the elements (strings or numbers) in natural order; equal ones keep theirs. */
  LIST_SORTED,
  /** A new list of the elements without repeats, first occurrences in order. */
  LIST_DISTINCT,
  MAP_GET,
  MAP_GET_OR_DEFAULT,
  MAP_CONTAINS_KEY,
  /** {@code m.keySet()}, as a list in insertion order. */
  MAP_KEY_SET,
  MAP_SIZE,
  MATH_MIN,
  MATH_MAX,
  MATH_ABS,
  INTEGER_PARSE_INT,
  /** {@code Long.parseLong(s)}. */
  LONG_PARSE_LONG,
  /**
   * {@code Double.parseDouble(s)}: Java's syntax ({@code " 1.5 "}, {@code ".5"}, {@code "1e3"}).
   */
  DOUBLE_PARSE_DOUBLE,
  /** {@code Math.round(d)} of a {@code double}: {@code floor(d + 0.5)} as a {@code long}. */
  MATH_ROUND,
  /** {@code e.name()} of an enum constant. */
  ENUM_NAME,
  /** {@code e.ordinal()}: the constant's position in its declaration. */
  ENUM_ORDINAL,
  /**
   * {@code E.valueOf(s)}, the call's type being {@code E}: an unknown name throws {@code
   * IllegalArgumentException: No enum constant pkg.E.X}.
   */
  ENUM_VALUE_OF,
  /** {@code Durable.executionId()}. */
  EXECUTION_ID,
  /** {@code new ArrayList<>()} (no argument) or {@code new ArrayList<>(list)}: a copy. */
  NEW_LIST,
  /** {@code new HashMap<>()}, {@code new LinkedHashMap<>()} (no argument) or a copy of a map. */
  NEW_MAP,
  /** {@code list} after {@code list.add(x)}. */
  LIST_WITH_ADDED,
  /**
   * {@code list} after {@code list.set(i, x)}; out of range it throws {@code
   * IndexOutOfBoundsException}.
   */
  LIST_WITH_SET,
  /**
   * {@code list} after {@code list.remove(i)} (an {@code int} index); out of range it throws {@code
   * IndexOutOfBoundsException}.
   */
  LIST_WITHOUT_INDEX,
  /**
   * {@code list} after {@code list.add(i, x)}: {@code x} inserted before element {@code i}, {@code
   * 0 <= i <= size} or {@code IndexOutOfBoundsException}.
   */
  LIST_WITH_INSERTED,
  /** {@code list} after {@code list.remove(x)} of a value: its first equal element removed. */
  LIST_WITHOUT_VALUE,
  /** {@code list} after {@code list.addAll(other)}. */
  LIST_WITH_ALL,
  /** {@code list} after {@code list.sort(null)} or {@code Collections.sort(list)}. */
  LIST_SORTED_IN_PLACE,
  /** {@code map} after {@code map.put(k, v)}. */
  MAP_WITH_PUT,
  /** {@code map} after {@code map.remove(k)}. */
  MAP_WITHOUT_KEY,
  /** {@code m.values()}, as a list in the insertion order of the keys. */
  MAP_VALUES,
  /**
   * The first argument, a list, sorted stably by the key lists that follow it (one key per element
   * each, strings or numbers), then a string literal with a {@code +} (ascending) or {@code -}
   * (descending) per key: {@code sorted(Comparator.comparing(Item::score).reversed())}.
   */
  LIST_SORTED_BY,
  /** {@code a < b} in natural order, of two strings ({@code compareTo}) or two numbers. */
  NATURAL_LESS,
  /**
   * {@code String.format(Locale.ROOT, "%" + spec, value)} of one conversion with a width or flags:
   * the first argument is the spec as a string literal ({@code "-10s"}, {@code "05d"}, {@code
   * ",d"}): flags among {@code -}, {@code 0} and {@code ,}, an optional width, then {@code s} (of a
   * string) or {@code d} (of an {@code int} or {@code long}).
   */
  STRING_FORMAT_ONE,
  /**
   * {@code x} itself, or a {@code NullPointerException} when it is {@code null}: what Java's
   * for-each does to the collection it iterates.
   */
  REQUIRE_NON_NULL;

  /** Whether this builtin stands for a mutation of its first argument, in functional form. */
  public boolean mutation() {
    return switch (this) {
      case LIST_WITH_ADDED,
          LIST_WITH_SET,
          LIST_SORTED_IN_PLACE,
          LIST_WITHOUT_INDEX,
          LIST_WITH_INSERTED,
          LIST_WITHOUT_VALUE,
          LIST_WITH_ALL,
          MAP_WITH_PUT,
          MAP_WITHOUT_KEY ->
          true;
      default -> false;
    };
  }
}
