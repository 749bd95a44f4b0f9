package golden.throwing;

public class CounterImpl implements Counter {
  @Override
  public int count(int n) {
    return n + 1;
  }
}
