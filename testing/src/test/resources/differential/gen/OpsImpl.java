package gen;

import java.util.HashSet;
import java.util.Set;

public class OpsImpl implements Ops {
  private final Set<Integer> seen = new HashSet<>();

  @Override
  public int add(int a, int b) {
    return a + b;
  }

  @Override
  public String tag(String s, int n) {
    return s + "#" + n;
  }

  @Override
  public boolean check(int n) {
    return n % 2 == 0;
  }

  @Override
  public int risky(int n) {
    if (n % 4 == 0) {
      throw new OpFailed("risky " + n);
    }
    return n + 1;
  }

  @Override
  public synchronized int flaky(int n) {
    if (seen.add(n)) {
      throw new Flaky("first try of " + n);
    }
    return n + 10;
  }
}
