package dev.statecraft.compiler.frontend;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The regular expressions that mean the same in Java and in the clouds' expression languages
 * (JSONata's are JavaScript's): characters, escapes of metacharacters, {@code \s \d \w \b} and
 * their negations, character classes, alternation, groups and greedy or lazy quantifiers. What lies
 * outside ({@code \p{...}}, lookarounds, inline flags, possessive quantifiers, class intersections,
 * a pattern that can match the empty string) is refused rather than risk a different answer.
 */
final class PortableRegex {
  private static final Set<Character> ESCAPES =
      Set.of(
          '\\', '.', 's', 'S', 'd', 'D', 'w', 'W', 'b', 'B', 't', 'n', 'r', 'f', '|', '(', ')', '[',
          ']', '{', '}', '*', '+', '?', '^', '$', '/', '-', ',', ':', ';', '=', '!', '#', '&', '~',
          '"', '\'', ' ', '<', '>', '@', '%', '`', 'u');

  private PortableRegex() {}

  /** Why {@code regex} may mean something else on some target, or empty when it is portable. */
  static Optional<String> problem(String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      return Optional.of("is not a valid regular expression: " + e.getDescription());
    }
    boolean inClass = false;
    for (int i = 0; i < regex.length(); i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        char next = i + 1 < regex.length() ? regex.charAt(i + 1) : 0;
        if (!ESCAPES.contains(next)) {
          return Optional.of("uses \\" + next + ", which Java and JavaScript read differently");
        }
        i++;
        continue;
      }
      if (inClass) {
        if (c == '[' || (c == '&' && i + 1 < regex.length() && regex.charAt(i + 1) == '&')) {
          return Optional.of("nests or intersects character classes, which only Java has");
        }
        inClass = c != ']';
        continue;
      }
      if (c == '[') {
        inClass = true;
        if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
          i++;
        }
      } else if (c == '(' && i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
        if (i + 2 >= regex.length() || regex.charAt(i + 2) != ':') {
          return Optional.of("uses a (?...) group other than (?:...): lookarounds and flags");
        }
      } else if ((c == '*' || c == '+' || c == '?' || c == '}')
          && i + 1 < regex.length()
          && regex.charAt(i + 1) == '+') {
        return Optional.of("uses a possessive quantifier, which only Java has");
      }
    }
    if (!regex.isEmpty() && Pattern.compile(regex).matcher("").matches()) {
      return Optional.of("can match the empty string, where Java and JavaScript split differently");
    }
    return Optional.empty();
  }
}
