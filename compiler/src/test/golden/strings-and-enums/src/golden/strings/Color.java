package golden.strings;

public enum Color {
  RED,
  GREEN,
  BLUE
}
