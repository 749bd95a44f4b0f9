package dev.statecraft.compiler.aws;

/**
 * Java's {@code Double.toString} as a JSONata expression: the shortest decimal that reads back as
 * the same double (the closest one when several have that length), laid out as Java does ({@code
 * 420.0}, {@code 0.8333333333333334}, {@code 1.0E7}, {@code 3.5999999999999994E-5}).
 *
 * <p>JSONata's own {@code $string} keeps 15 significant digits, which is the shortest decimal for
 * most doubles but not for those that need 16 or 17 ({@code 5.0 / 6}, {@code 0.1 + 0.2}). The
 * expression therefore works in two steps:
 *
 * <ol>
 *   <li>When {@code $string}'s digits read back as the same double ({@code $number}, correctly
 *       rounded on every engine), they are the shortest: JavaScript prints the shortest digits of
 *       the number it rounded to.
 *   <li>Otherwise it computes the double's exact decimal value with integer arithmetic on digit
 *       strings: scaling by powers of two (exact) gives the integer significand {@code m} and
 *       exponent {@code e}; {@code m * 5^-e} (or {@code m * 2^e}), multiplied out in chunks of
 *       seven digits whose products stay below 2^53, is the value's digits. It then takes the
 *       closest decimal of 16 digits and, if that does not read back as the double, of 17: the
 *       closest decimal of a length is in the double's rounding interval whenever any of that
 *       length is. Subnormal doubles always take this way, from two digits up, as Java does ({@code
 *       4.9E-324}).
 * </ol>
 *
 * Only correctly rounded parsing, IEEE arithmetic on integers below 2^53 and string functions are
 * used, so Step Functions' JSONata (JavaScript) and the local engine's (Java) give the same digits;
 * {@code JavaDoubleTextTest} checks both against {@code Double.toString} for thousands of doubles.
 * Negative zero prints {@code 0.0}: JSON cannot tell it apart.
 */
final class JavaDoubleText {
  private static final String EXPRESSION =
      """
      ($__d := %s; $__a := $abs($__d); $__a = 0 ? '0.0' : (
        $__s := $string($__a);
        $__m := $substringBefore($__s, 'e');
        $__i := $substringBefore($__m, '.');
        $__w := $__i & ($contains($__m, '.') ? $substringAfter($__m, '.') : '');
        $__z := $length($__w) - $length($replace($__w, /^0+/, ''));
        $__g := $replace($substring($__w, $__z), /0+$/, '');
        $__P := $length($__i) - $__z + ($contains($__s, 'e') ? $number($replace($substringAfter($__s, 'e'), '+', '')) : 0);
        $__y := $__a >= 2.2250738585072014e-308 and $__a <= 1.797693134862315e308 ? $number($__s) = $__a : false;
        $__dv := function($v, $b) {( $__q := $floor($v / $b); $__t := $v - $__q * $b;
          $__t < 0 ? [$__q - 1, $__t + $b] : ($__t >= $b ? [$__q + 1, $__t - $b] : [$__q, $__t]) )};
        $__ok := function($c) { $number($c[0] & 'e' & $string($c[1])) = $__a };
        $__r := $__y and $length($__g) <= 15 ? [$__g, $__P - $length($__g)]
        : ($__a >= 0.000001 and $__a < 10000000000000000 ? (
          $__x := $__a < $number('1e' & $string($__P - 1)) ? $__P - 1 : $__P;
          $__odd := function($v) { $v - 2 * $floor($v / 2) = 1 };
          $__dek := function($k) {(
            $__b := $number('1e' & $string($k - $__x));
            $__ca := 134217729 * $__a; $__ah := $__ca - ($__ca - $__a); $__al := $__a - $__ah;
            $__cb := 134217729 * $__b; $__bh := $__cb - ($__cb - $__b); $__bl := $__b - $__bh;
            $__p := $__a * $__b;
            $__e := (($__ah * $__bh - $__p) + $__ah * $__bl + $__al * $__bh) + $__al * $__bl;
            $__fp := $floor($__p); $__t := $floor($__e); $__f := $__e - $__t;
            $__big := $__p >= 4503599627370496;
            $__o := $__big ? $__t + ($__f > 0.5 or ($__f = 0.5 and $__odd($__p) != $__odd($__t)) ? 1 : 0)
              : ($__e > 0.5 - ($__p - $__fp) or ($__e = 0.5 - ($__p - $__fp) and $__odd($__fp)) ? 1 : 0);
            $__h := $__dv($__big ? $__p : $__fp, 1000000000);
            $__l := $__dv($__h[1] + $__o, 1000000000);
            $__hi := $__h[0] + $__l[0];
            [$__hi > 0 ? $string($__hi) & $pad($string($__l[1]), -9, '0') : $string($__l[1]), $__x - $k]
          )};
          $__c := $__dek(16);
          $__ok($__c) ? $__c : $__dek(17)
        ) : (
          $__n := function($c) { $number('1' & $c) - [1, 10, 100, 1000, 10000, 100000, 1000000, 10000000][$length($c)] };
          $__mul := function($z, $f, $c) { $z = '' ? ($c > 0 ? $string($c) : '') : (
            $__v := $__dv($__n($substring($z, -7)) * $f + $c, 10000000);
            $__h := $length($z) > 7 ? $substring($z, 0, $length($z) - 7) : '';
            $__mul($__h, $f, $__v[0]) & ($__h = '' and $__v[0] = 0 ? $string($__v[1]) : $pad($string($__v[1]), -7, '0'))
          )};
          $__pow := function($z, $n, $fs) { $n >= 12 ? $__pow($__mul($z, $fs[12], 0), $n - 12, $fs) : ($n > 0 ? $__mul($z, $fs[$n], 0) : $z) };
          $__nm := function($m, $e) { $m >= 38685626227668133590597632 ? $__nm($m / 4294967296, $e + 32)
            : ($m >= 9007199254740992 ? $__nm($m / 2, $e + 1)
            : ($m < 2097152 and $e > -1042 ? $__nm($m * 4294967296, $e - 32)
            : ($m < 4503599627370496 and $e > -1074 ? $__nm($m * 2, $e - 1) : [$m, $e]))) };
          $__inc := function($z) { $z = '' ? '1' : ($substring($z, -1) = '9' ? $__inc($substring($z, 0, $length($z) - 1)) & '0'
            : $substring($z, 0, $length($z) - 1) & $string($number($substring($z, -1)) + 1)) };
          $__near := function($z, $e, $k) {(
            $__p := $substring($pad($z, $k + 1, '0'), 0, $k);
            $__x := $substring($pad($z, $k + 1, '0'), $k, 1);
            $__up := $__x > '5' or ($__x = '5' and ($contains($substring($z, $k + 1), /[1-9]/) or $number($substring($__p, -1)) %% 2 = 1));
            [$__up ? $__inc($__p) : $__p, $e - $k]
          )};
          $__me := $__nm($__a, 0);
          $__q := $__dv($__me[0], 10000000);
          $__m0 := $__q[0] > 0 ? $string($__q[0]) & $pad($string($__q[1]), -7, '0') : $string($__q[1]);
          $__z := $__me[1] < 0
            ? $__pow($__m0, -$__me[1], [1, 5, 25, 125, 625, 3125, 15625, 78125, 390625, 1953125, 9765625, 48828125, 244140625])
            : $__pow($__m0, $__me[1], [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096]);
          $__e := $length($__z) + ($__me[1] < 0 ? $__me[1] : 0);
          $__try := function($k) {( $__c := $__near($__z, $__e, $k); $k >= 17 or $__ok($__c) ? $__c : $__try($k + 1) )};
          $__try($__y or $__a < 2.2250738585072014e-308 ? 2 : ($__a > 1.797693134862315e308 ? 17 : 16))
        ));
        $__D := $replace($__r[0], /0+$/, '');
        $__E := $length($__r[0]) + $__r[1];
        ($__d < 0 ? '-' : '') & ($__a >= 0.001 and $__a < 10000000
          ? ($__E <= 0 ? '0.' & $pad('', -$__E, '0') & $__D
            : ($length($__D) <= $__E ? $__D & $pad('', $__E - $length($__D), '0') & '.0'
              : $substring($__D, 0, $__E) & '.' & $substring($__D, $__E)))
          : $substring($__D, 0, 1) & '.' & ($length($__D) > 1 ? $substring($__D, 1) : '0') & 'E' & $string($__E - 1))
      ))""";

  private JavaDoubleText() {}

  /** The expression printing {@code operand} (JSONata text evaluating to a number) as Java does. */
  static String of(String operand) {
    return String.format(EXPRESSION, operand).replaceAll("\\s*\\n\\s*", " ");
  }
}
